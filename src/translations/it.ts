// Italian.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, clock } = formats('it');
const retryIn = (seconds: number) =>
  seconds ? `Nuovo tentativo tra ${duration(seconds)}` : 'Nuovo tentativo…';

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
    created: 'Creata',
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
    ahead === undefined ? 'In attesa' : ahead ? `${number(ahead)} prima di te` : 'Sei il prossimo',
  retrying: (seconds) => `Problema di connessione. ${retryIn(seconds)}`,
  busy: (seconds) => `Il servizio è sovraccarico. ${retryIn(seconds)}`,
  imageAlt: (alt, n, total) => (total > 1 ? `${alt} ${number(n)} di ${number(total)}` : alt),
  imageFailed: (n, total) =>
    total > 1 ? `Immagine ${number(n)} di ${number(total)} non riuscita` : 'Immagine non riuscita',
  mediaFailed: 'Impossibile caricare l’immagine',
  unsafeUrl: 'L’indirizzo dell’immagine è stato rifiutato perché non sicuro.',
  startFailed: 'Impossibile avviare la generazione.',
  empty: 'L’attività è terminata senza immagini.',
  ended: {
    failed: 'La generazione non è riuscita.',
    cancelled: 'La generazione è stata annullata.',
    expired: 'La generazione è scaduta prima di terminare.',
  },
  endedHint: 'Riprova per avviare una nuova generazione.',
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
  download: (n, total) =>
    total > 1 ? `Scarica l’immagine ${number(n)} di ${number(total)}` : 'Scarica l’immagine',
  close: 'Chiudi',
  previous: 'Precedente',
  next: 'Successiva',
};
