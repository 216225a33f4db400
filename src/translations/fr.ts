// French.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, span, clock } = formats('fr');
const retryIn = (seconds: number) =>
  seconds ? `Nouvelle tentative dans ${duration(seconds)}` : 'Nouvelle tentative…';
const of = (n: number, total: number) => (total > 1 ? ` ${number(n)} sur ${number(total)}` : '');
const the = { image: 'l’image', video: 'la vidéo' };

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
    created: 'Reçue',
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
    ahead === undefined ? 'En attente' : ahead ? `${number(ahead)} devant vous` : 'La vôtre est la prochaine',
  retrying: (seconds) => `Problème de connexion. ${retryIn(seconds)}`,
  busy: (seconds) => `Le service est surchargé. ${retryIn(seconds)}`,
  generated: { image: 'Image générée', video: 'Vidéo générée' },
  imageAlt: (alt, n, total) => `${alt}${of(n, total)}`,
  imageFailed: (n, total, kind) => `Échec de ${the[kind]}${of(n, total)}`,
  loadFailed: (n, total, kind) => `Impossible de charger ${the[kind]}${of(n, total)}`,
  unsafeUrl: 'Son adresse a été refusée, car elle n’est pas sûre.',
  startFailed: 'Impossible de lancer la génération.',
  empty: 'La tâche s’est terminée sans aucune image.',
  ended: {
    failed: 'La génération a échoué.',
    cancelled: 'La génération a été annulée.',
    expired: 'La génération a expiré avant d’être terminée.',
  },
  endedHint: 'Réessayez pour lancer une nouvelle génération.',
  errors: {
    network: 'Impossible de joindre le serveur.',
    http: (status) => `Le serveur a répondu par une erreur (HTTP ${status}).`,
    'invalid-response': 'Le serveur a envoyé une réponse illisible.',
    timeout: (seconds) => `La tâche ne s’est pas terminée en ${span(seconds)}.`,
    'invalid-task-id': 'L’identifiant de la tâche n’est pas valide.',
    'cancel-failed': 'Impossible d’annuler la génération.',
    refunded: 'La tâche a échoué et a été remboursée\u00a0: rien ne vous a été facturé.',
  },
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
  download: (n, total, kind) => `Télécharger ${the[kind]}${of(n, total)}`,
  close: 'Fermer',
  previous: 'Précédente',
  next: 'Suivante',
  notifyButton: 'M’avertir quand ce sera prêt',
  notifyNote: 'Vous serez averti dès que ce sera prêt.',
  ready: { image: 'Vos images sont prêtes', video: 'Votre vidéo est prête' },
};
