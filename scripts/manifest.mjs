// Reading custom-elements.json: the scripts that generate from it all start from the element's
// declaration.

/**
 * The declaration of <task-progress> in the manifest.
 * @param {any} manifest
 * @returns {any}
 */
export function elementDeclaration(manifest) {
  const element = manifest.modules
    .flatMap((/** @type {any} */ module) => module.declarations ?? [])
    .find((/** @type {any} */ declaration) => declaration.tagName === 'task-progress');
  if (!element) throw new Error('custom-elements.json has no <task-progress>.');
  return element;
}
