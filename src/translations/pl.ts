// Polish.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, plural, duration, span, clock } = formats('pl');
const retryIn = (seconds: number) => (seconds ? `Ponowna próba za ${duration(seconds)}` : 'Ponawianie…');
const of = (n: number, total: number) => (total > 1 ? ` ${number(n)} z ${number(total)}` : '');
const noun = { image: 'obraz', video: 'film' };
/** The noun in the genitive, after "nie udało się": "obrazu", "filmu". */
const genitive = { image: 'obrazu', video: 'filmu' };

export const strings: Translation = {
  status: {
    idle: '',
    pending: 'Generowanie…',
    completed: 'Generowanie zakończone.',
    failed: 'Generowanie nie powiodło się.',
    cancelled: 'Generowanie anulowane.',
    expired: 'Generowanie wygasło.',
    error: 'Nie można śledzić generowania.',
  },
  phases: {
    starting: 'Uruchamianie',
    created: 'Przyjęte',
    queued: 'W kolejce',
    processing: 'Przetwarzanie',
    'fetching-results': 'Pobieranie wyników',
    cancelling: 'Anulowanie',
  },
  progressLabel: 'Postęp generowania',
  elapsed: clock,
  eta: (seconds) => `Jeszcze około ${duration(seconds)}`,
  overrun: 'Trwa dłużej niż zwykle',
  queue: (ahead) =>
    ahead === undefined
      ? 'Oczekiwanie'
      : ahead
        ? `Przed Tobą ${number(ahead)} ${plural(ahead, { one: 'zadanie', many: 'zadań', other: 'zadania' })}`
        : 'Twoje zadanie jest następne',
  retrying: (seconds) => `Problem z połączeniem. ${retryIn(seconds)}`,
  busy: (seconds) => `Usługa jest przeciążona. ${retryIn(seconds)}`,
  generated: { image: 'Wygenerowany obraz', video: 'Wygenerowany film' },
  imageAlt: (alt, n, total) => `${alt}${of(n, total)}`,
  imageFailed: (n, total, kind) => `Nie udało się wygenerować ${genitive[kind]}${of(n, total)}`,
  loadFailed: (n, total, kind) => `Nie udało się wczytać ${genitive[kind]}${of(n, total)}`,
  unsafeUrl: 'Adres odrzucono jako niebezpieczny.',
  startFailed: 'Nie udało się rozpocząć generowania.',
  empty: 'Zadanie zakończyło się bez żadnych obrazów.',
  ended: {
    failed: 'Generowanie nie powiodło się.',
    cancelled: 'Generowanie zostało anulowane.',
    expired: 'Generowanie wygasło przed zakończeniem.',
  },
  endedHint: 'Spróbuj ponownie, aby rozpocząć nowe generowanie.',
  errors: {
    network: 'Nie udało się połączyć z serwerem.',
    http: (status) => `Serwer odpowiedział błędem (HTTP ${status}).`,
    'invalid-response': 'Serwer wysłał odpowiedź, której nie da się odczytać.',
    // The unit inside the sentence: an abbreviation ("sek.") does not end it.
    timeout: (seconds) => `W ciągu ${span(seconds)} zadanie się nie zakończyło.`,
    'invalid-task-id': 'Identyfikator zadania jest nieprawidłowy.',
    'cancel-failed': 'Nie udało się anulować generowania.',
    refunded: 'Zadanie nie powiodło się, a opłata została zwrócona: nic nie zostało pobrane.',
  },
  errorHints: {
    unauthorized: 'Odmówiono dostępu do tego zadania. Odśwież stronę, aby uzyskać nowy token dostępu.',
    'not-found': 'Nie znaleziono tego zadania. Rozpocznij nowe generowanie.',
    'invalid-task-id': 'Identyfikator tego zadania jest nieprawidłowy. Rozpocznij nowe generowanie.',
    timeout: 'Generowanie trwa dłużej, niż oczekiwano. Spróbuj ponownie, aby dalej czekać.',
    internal: 'Na tej stronie wystąpił błąd. Odśwież stronę i spróbuj ponownie.',
    default: 'Sprawdź połączenie i spróbuj ponownie.',
  },
  retry: 'Spróbuj ponownie',
  cancel: 'Anuluj',
  events: 'Zdarzenia zadania',
  download: (n, total, kind) => `Pobierz ${noun[kind]}${of(n, total)}`,
  close: 'Zamknij',
  previous: 'Poprzedni',
  next: 'Następny',
  notifyButton: 'Powiadom mnie, gdy będzie gotowe',
  notifyNote: 'Dostaniesz powiadomienie, gdy będzie gotowe.',
  ready: { image: 'Twoje obrazy są gotowe', video: 'Twój film jest gotowy' },
};
