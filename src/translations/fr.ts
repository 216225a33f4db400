// French.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, clock } = formats('fr');
const retryIn = (seconds: number) => (seconds ? `Nouvel essai dans ${duration(seconds)}` : 'Nouvel essai…');

export const strings: Translation = {
  status: {
    idle: '',
    pending: 'Génération en cours…',
    completed: 'Génération terminée.',
    failed: 'Échec de la génération.',
    cancelled: 'Génération annulée.',
    expired: 'Génération expirée.',
    error: 'Impossible de suivre la génération.',
  },
  phases: {
    starting: 'Démarrage',
    created: 'Créée',
    queued: 'En file d’attente',
    processing: 'Traitement en cours',
    'fetching-results': 'Récupération des résultats',
    cancelling: 'Annulation',
  },
  progressLabel: 'Progression de la génération',
  elapsed: clock,
  eta: (seconds) => `Encore environ ${duration(seconds)}`,
  overrun: 'Plus long que d’habitude',
  queue: (ahead) =>
    ahead === undefined ? 'En attente' : ahead ? `${number(ahead)} avant vous` : 'Vous êtes le prochain',
  retrying: (seconds) => `Problème de connexion. ${retryIn(seconds)}`,
  busy: (seconds) => `Le service est surchargé. ${retryIn(seconds)}`,
  imageAlt: (alt, n, total) => (total > 1 ? `${alt} ${number(n)} sur ${number(total)}` : alt),
  imageFailed: (n, total) =>
    total > 1 ? `Échec de l’image ${number(n)} sur ${number(total)}` : 'Échec de l’image',
  mediaFailed: 'Impossible de charger l’image',
  unsafeUrl: 'L’adresse de l’image a été refusée, car elle n’est pas sûre.',
  startFailed: 'Impossible de lancer la génération.',
  empty: 'La tâche s’est terminée sans aucune image.',
  ended: {
    failed: 'La génération a échoué.',
    cancelled: 'La génération a été annulée.',
    expired: 'La génération a expiré avant d’être terminée.',
  },
  endedHint: 'Réessayez pour lancer une nouvelle génération.',
  errorHints: {
    unauthorized:
      'L’accès à cette tâche a été refusé. Rechargez la page pour obtenir un nouveau jeton d’accès.',
    'not-found': 'Cette tâche est introuvable. Lancez une nouvelle génération.',
    'invalid-task-id': 'L’identifiant de cette tâche n’est pas valide. Lancez une nouvelle génération.',
    timeout: 'La génération prend plus de temps que prévu. Réessayez pour continuer d’attendre.',
    internal: 'Un problème est survenu sur cette page. Rechargez-la pour réessayer.',
    default: 'Vérifiez votre connexion, puis réessayez.',
  },
  retry: 'Réessayer',
  cancel: 'Annuler',
  events: 'Événements de la tâche',
  download: (n, total) =>
    total > 1 ? `Télécharger l’image ${number(n)} sur ${number(total)}` : 'Télécharger l’image',
  close: 'Fermer',
  previous: 'Précédente',
  next: 'Suivante',
};
