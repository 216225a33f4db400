// Italian.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, span, clock } = formats('it');
const retryIn = (seconds: number) =>
  seconds ? `Nuovo tentativo tra ${duration(seconds)}` : 'Nuovo tentativo…';
const of = (n: number, total: number) => (total > 1 ? ` ${number(n)} di ${number(total)}` : '');
const the = { image: 'l’immagine', video: 'il video' };

export const strings: Translation = {
  status: {
    idle: '',
    pending: 'Generazione in corso…',
    completed: 'Generazione completata.',
    failed: 'Generazione non riuscita.',
    cancelled: 'Generazione annullata.',
    expired: 'Generazione scaduta.',
    error: 'Impossibile seguire la generazione.',
  },
  phases: {
    starting: 'Avvio',
    created: 'Ricevuta',
    queued: 'In coda',
    processing: 'Elaborazione',
    'fetching-results': 'Recupero dei risultati',
    cancelling: 'Annullamento',
  },
  progressLabel: 'Avanzamento della generazione',
  elapsed: clock,
  eta: (seconds) => `Ancora circa ${duration(seconds)}`,
  overrun: 'Ci vuole più del solito',
  queue: (ahead) =>
    ahead === undefined ? 'In attesa' : ahead ? `${number(ahead)} prima di te` : 'La tua è la prossima',
  retrying: (seconds) => `Problema di connessione. ${retryIn(seconds)}`,
  busy: (seconds) => `Il servizio è sovraccarico. ${retryIn(seconds)}`,
  generated: { image: 'Immagine generata', video: 'Video generato' },
  imageAlt: (alt, n, total) => `${alt}${of(n, total)}`,
  imageFailed: (n, total, kind) =>
    kind === 'image' ? `Immagine${of(n, total)} non riuscita` : `Video${of(n, total)} non riuscito`,
  loadFailed: (n, total, kind) => `Impossibile caricare ${the[kind]}${of(n, total)}`,
  unsafeUrl: 'Il suo indirizzo è stato rifiutato perché non sicuro.',
  startFailed: 'Impossibile avviare la generazione.',
  empty: 'L’attività è terminata senza immagini.',
  ended: {
    failed: 'La generazione non è riuscita.',
    cancelled: 'La generazione è stata annullata.',
    expired: 'La generazione è scaduta prima di terminare.',
  },
  endedHint: 'Riprova per avviare una nuova generazione.',
  errors: {
    network: 'Impossibile raggiungere il server.',
    http: (status) => `Il server ha risposto con un errore (HTTP ${status}).`,
    'invalid-response': 'Il server ha inviato una risposta illeggibile.',
    timeout: (seconds) => `L’attività non è terminata entro ${span(seconds)}.`,
    'invalid-task-id': 'L’ID dell’attività non è valido.',
    'cancel-failed': 'Impossibile annullare la generazione.',
    refunded: 'L’attività non è riuscita ed è stata rimborsata: non ti è stato addebitato nulla.',
  },
  errorHints: {
    unauthorized:
      'L’accesso a questa attività è stato negato. Ricarica la pagina per ottenere un nuovo token di accesso.',
    'not-found': 'Attività non trovata. Avvia una nuova generazione.',
    'invalid-task-id': 'L’ID di questa attività non è valido. Avvia una nuova generazione.',
    timeout: 'La generazione richiede più tempo del previsto. Riprova per continuare ad attendere.',
    internal: 'Si è verificato un problema in questa pagina. Ricaricala per riprovare.',
    default: 'Controlla la connessione, poi riprova.',
  },
  retry: 'Riprova',
  cancel: 'Annulla',
  events: 'Eventi dell’attività',
  download: (n, total, kind) => `Scarica ${the[kind]}${of(n, total)}`,
  close: 'Chiudi',
  previous: 'Precedente',
  next: 'Successivo',
  notifyButton: 'Avvisami quando è pronto',
  notifyNote: 'Riceverai un avviso appena sarà pronto.',
  ready: { image: 'Le tue immagini sono pronte', video: 'Il tuo video è pronto' },
};
