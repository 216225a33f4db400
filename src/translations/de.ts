// German.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, clock } = formats('de');
const retryIn = (seconds: number) => (seconds ? `Neuer Versuch in ${duration(seconds)}` : 'Neuer Versuch…');

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
    created: 'Erstellt',
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
  imageAlt: (alt, n, total) => (total > 1 ? `${alt} ${number(n)} von ${number(total)}` : alt),
  imageFailed: (n, total) =>
    total > 1 ? `Bild ${number(n)} von ${number(total)} fehlgeschlagen` : 'Bild fehlgeschlagen',
  mediaFailed: 'Das Bild konnte nicht geladen werden',
  unsafeUrl: 'Die Bildadresse wurde als unsicher abgelehnt.',
  startFailed: 'Die Generierung konnte nicht gestartet werden.',
  empty: 'Die Aufgabe wurde ohne Bilder beendet.',
  ended: {
    failed: 'Die Generierung ist fehlgeschlagen.',
    cancelled: 'Die Generierung wurde abgebrochen.',
    expired: 'Die Generierung ist abgelaufen, bevor sie fertig war.',
  },
  endedHint: 'Versuchen Sie es erneut, um eine neue Generierung zu starten.',
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
  download: (n, total) =>
    total > 1 ? `Bild ${number(n)} von ${number(total)} herunterladen` : 'Bild herunterladen',
  close: 'Schließen',
  previous: 'Zurück',
  next: 'Weiter',
};
