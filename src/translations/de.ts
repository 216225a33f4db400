// German.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, span, clock } = formats('de');
const retryIn = (seconds: number) => (seconds ? `Neuer Versuch in ${duration(seconds)}` : 'Neuer Versuch…');
const of = (n: number, total: number) => (total > 1 ? ` ${number(n)} von ${number(total)}` : '');
const noun = { image: 'Bild', video: 'Video' };

export const strings: Translation = {
  status: {
    idle: '',
    pending: 'Wird generiert…',
    completed: 'Generierung abgeschlossen.',
    failed: 'Generierung fehlgeschlagen.',
    cancelled: 'Generierung abgebrochen.',
    expired: 'Generierung abgelaufen.',
    error: 'Die Generierung konnte nicht verfolgt werden.',
  },
  phases: {
    starting: 'Wird gestartet',
    created: 'Angenommen',
    queued: 'In der Warteschlange',
    processing: 'Wird verarbeitet',
    'fetching-results': 'Ergebnisse werden abgerufen',
    cancelling: 'Wird abgebrochen',
  },
  progressLabel: 'Fortschritt der Generierung',
  elapsed: clock,
  eta: (seconds) => `Noch etwa ${duration(seconds)}`,
  overrun: 'Dauert länger als üblich',
  queue: (ahead) =>
    ahead === undefined ? 'Wartet' : ahead ? `${number(ahead)} vor Ihnen` : 'Als Nächstes dran',
  retrying: (seconds) => `Verbindungsproblem. ${retryIn(seconds)}`,
  busy: (seconds) => `Der Dienst ist ausgelastet. ${retryIn(seconds)}`,
  generated: { image: 'Generiertes Bild', video: 'Generiertes Video' },
  imageAlt: (alt, n, total) => `${alt}${of(n, total)}`,
  imageFailed: (n, total, kind) => `${noun[kind]}${of(n, total)} fehlgeschlagen`,
  loadFailed: (n, total, kind) =>
    `${total > 1 ? noun[kind] : `Das ${noun[kind]}`}${of(n, total)} konnte nicht geladen werden`,
  unsafeUrl: 'Die Adresse wurde als unsicher abgelehnt.',
  startFailed: 'Die Generierung konnte nicht gestartet werden.',
  empty: 'Die Aufgabe wurde ohne Bilder beendet.',
  ended: {
    failed: 'Die Generierung ist fehlgeschlagen.',
    cancelled: 'Die Generierung wurde abgebrochen.',
    expired: 'Die Generierung ist abgelaufen, bevor sie fertig war.',
  },
  endedHint: 'Versuchen Sie es erneut, um eine neue Generierung zu starten.',
  errors: {
    network: 'Der Server war nicht erreichbar.',
    http: (status) => `Der Server hat mit einem Fehler geantwortet (HTTP ${status}).`,
    'invalid-response': 'Die Antwort des Servers konnte nicht gelesen werden.',
    timeout: (seconds) => `Die Aufgabe wurde nicht innerhalb von ${span(seconds)} fertig.`,
    'invalid-task-id': 'Die ID der Aufgabe ist ungültig.',
    'cancel-failed': 'Die Generierung konnte nicht abgebrochen werden.',
    refunded: 'Die Aufgabe ist fehlgeschlagen und wurde erstattet: Ihnen wurde nichts berechnet.',
  },
  errorHints: {
    unauthorized:
      'Der Zugriff auf diese Aufgabe wurde verweigert. Laden Sie die Seite neu, um ein neues Zugriffstoken zu erhalten.',
    'not-found': 'Diese Aufgabe wurde nicht gefunden. Starten Sie eine neue Generierung.',
    'invalid-task-id': 'Die ID dieser Aufgabe ist ungültig. Starten Sie eine neue Generierung.',
    timeout: 'Die Generierung dauert länger als erwartet. Versuchen Sie es erneut, um weiter zu warten.',
    internal:
      'Auf dieser Seite ist ein Fehler aufgetreten. Laden Sie die Seite neu und versuchen Sie es erneut.',
    default: 'Prüfen Sie Ihre Verbindung und versuchen Sie es dann erneut.',
  },
  retry: 'Erneut versuchen',
  cancel: 'Abbrechen',
  events: 'Aufgabenereignisse',
  download: (n, total, kind) => `${noun[kind]}${of(n, total)} herunterladen`,
  close: 'Schließen',
  previous: 'Vorheriges',
  next: 'Nächstes',
  notifyButton: 'Benachrichtigen, wenn es fertig ist',
  notifyNote: 'Sie werden benachrichtigt, sobald es fertig ist.',
  ready: { image: 'Ihre Bilder sind fertig', video: 'Ihr Video ist fertig' },
};
