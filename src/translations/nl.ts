// Dutch.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, span, clock } = formats('nl');
const retryIn = (seconds: number) => (seconds ? `Nieuwe poging over ${duration(seconds)}` : 'Nieuwe poging…');
const of = (n: number, total: number) => (total > 1 ? ` ${number(n)} van ${number(total)}` : '');
const noun = { image: 'Afbeelding', video: 'Video' };
const the = { image: 'De afbeelding', video: 'De video' };

export const strings: Translation = {
  status: {
    idle: '',
    pending: 'Bezig met genereren…',
    completed: 'Genereren voltooid.',
    failed: 'Genereren mislukt.',
    cancelled: 'Genereren geannuleerd.',
    expired: 'Genereren verlopen.',
    error: 'Het genereren kan niet worden gevolgd.',
  },
  phases: {
    starting: 'Bezig met starten',
    created: 'Ontvangen',
    queued: 'In de wachtrij',
    processing: 'Bezig met verwerken',
    'fetching-results': 'Resultaten ophalen',
    cancelling: 'Bezig met annuleren',
  },
  progressLabel: 'Voortgang van het genereren',
  elapsed: clock,
  eta: (seconds) => `Nog ongeveer ${duration(seconds)}`,
  overrun: 'Duurt langer dan normaal',
  queue: (ahead) =>
    ahead === undefined ? 'Wachtend' : ahead ? `${number(ahead)} vóór de jouwe` : 'De jouwe is de volgende',
  retrying: (seconds) => `Verbindingsprobleem. ${retryIn(seconds)}`,
  busy: (seconds) => `De dienst is overbelast. ${retryIn(seconds)}`,
  generated: { image: 'Gegenereerde afbeelding', video: 'Gegenereerde video' },
  imageAlt: (alt, n, total) => `${alt}${of(n, total)}`,
  imageFailed: (n, total, kind) => `${noun[kind]}${of(n, total)} mislukt`,
  loadFailed: (n, total, kind) =>
    `${total > 1 ? noun[kind] : the[kind]}${of(n, total)} kan niet worden geladen`,
  unsafeUrl: 'Het adres is als onveilig geweigerd.',
  startFailed: 'Het genereren kan niet worden gestart.',
  empty: 'De taak is klaar zonder afbeeldingen.',
  ended: {
    failed: 'Het genereren is mislukt.',
    cancelled: 'Het genereren is geannuleerd.',
    expired: 'Het genereren is verlopen voordat het klaar was.',
  },
  endedHint: 'Probeer het opnieuw om een nieuwe generatie te starten.',
  errors: {
    network: 'De server is niet bereikbaar.',
    http: (status) => `De server antwoordde met een fout (HTTP ${status}).`,
    'invalid-response': 'Het antwoord van de server kan niet worden gelezen.',
    timeout: (seconds) => `De taak was niet binnen ${span(seconds)} klaar.`,
    'invalid-task-id': 'De ID van de taak is ongeldig.',
    'cancel-failed': 'Het genereren kan niet worden geannuleerd.',
    refunded: 'De taak is mislukt en terugbetaald: er zijn geen kosten in rekening gebracht.',
  },
  errorHints: {
    unauthorized:
      'De toegang tot deze taak is geweigerd. Laad de pagina opnieuw om een nieuw toegangstoken te krijgen.',
    'not-found': 'Deze taak is niet gevonden. Start een nieuwe generatie.',
    'invalid-task-id': 'De ID van deze taak is ongeldig. Start een nieuwe generatie.',
    timeout: 'Het genereren duurt langer dan verwacht. Probeer het opnieuw om te blijven wachten.',
    internal: 'Er is iets misgegaan op deze pagina. Laad de pagina opnieuw en probeer het nog eens.',
    default: 'Controleer je verbinding en probeer het opnieuw.',
  },
  retry: 'Opnieuw proberen',
  cancel: 'Annuleren',
  events: 'Taakgebeurtenissen',
  download: (n, total, kind) => `${noun[kind]}${of(n, total)} downloaden`,
  close: 'Sluiten',
  previous: 'Vorige',
  next: 'Volgende',
  notifyButton: 'Laat het me weten als het klaar is',
  notifyNote: 'Je krijgt een melding zodra het klaar is.',
  ready: { image: 'Je afbeeldingen zijn klaar', video: 'Je video is klaar' },
};
