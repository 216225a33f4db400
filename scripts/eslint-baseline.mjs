// An ESLint rule beside eslint-plugin-compat, whose data lacks the newer static methods
// (`AbortSignal.any`, `Promise.withResolvers`): a static member of a browser or JavaScript global
// (`Global.member`) that a browser of `browserslist` (package.json) lacks, by MDN's compat data.
import bcd from '@mdn/browser-compat-data' with { type: 'json' };
import browserslist from 'browserslist';

/** browserslist's browser names as MDN's compat data spells them. */
const BCD_NAMES = /** @type {Record<string, string>} */ ({
  chrome: 'chrome',
  edge: 'edge',
  firefox: 'firefox',
  safari: 'safari',
  ios_saf: 'safari_ios',
});

/** The oldest version of each browser the project supports, e.g. `{ safari: [16, 4] }`. */
function baseline() {
  /** @type {Record<string, number[]>} */
  const oldest = {};
  for (const entry of browserslist()) {
    const [name, range] = entry.split(' ');
    const browser = BCD_NAMES[name];
    const version = parse(range.split('-')[0]);
    if (browser && (!oldest[browser] || compare(version, oldest[browser]) < 0)) oldest[browser] = version;
  }
  return oldest;
}

/** @param {string} version */
const parse = (version) => version.replace(/^≤/, '').split('.').map(Number);

/** @param {number[]} a @param {number[]} b */
function compare(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference) return difference;
  }
  return 0;
}

/**
 * Whether a feature's support statement covers `version`: its first entry without a flag or a prefix.
 * @param {any} statement
 * @param {number[]} version
 */
function supports(statement, version) {
  const entry = [statement ?? []]
    .flat()
    .find((each) => !each.flags && !each.prefix && !each.alternative_name);
  const added = entry?.version_added;
  if (added === true) return true;
  if (typeof added !== 'string' || added === 'preview') return false;
  return compare(parse(added), version) <= 0;
}

/** @type {import('eslint').Rule.RuleModule} */
const staticApis = {
  meta: {
    type: 'problem',
    docs: { description: 'A static member of a global that a browser of the baseline lacks.' },
    schema: [],
  },
  create(context) {
    const oldest = baseline();
    return {
      /** @param {any} node */
      MemberExpression(node) {
        if (node.computed || node.object.type !== 'Identifier' || node.property.type !== 'Identifier') return;
        const global = node.object.name;
        const member = node.property.name;
        const reference = context.sourceCode
          .getScope(node)
          .references.find((each) => each.identifier === node.object);
        if (reference?.resolved && reference.resolved.scope.type !== 'global') return; // a local name
        const feature =
          /** @type {any} */ (bcd.api)[global]?.[`${member}_static`] ??
          /** @type {any} */ (bcd.javascript.builtins)[global]?.[member];
        const support = feature?.__compat?.support;
        if (!support) return;
        const lacking = Object.entries(oldest)
          .filter(([browser, version]) => !supports(support[browser], version))
          .map(([browser, version]) => `${browser} ${version.join('.')}`);
        if (lacking.length)
          context.report({
            node,
            message: `${global}.${member} is not in ${lacking.join(', ')}: use a fallback.`,
          });
      },
    };
  },
};

export default { rules: { 'static-apis': staticApis } };
