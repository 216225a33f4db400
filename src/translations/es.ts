// Spanish.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, plural, count, duration, span, clock } = formats('es');
const retryIn = (seconds: number) => (seconds ? `Reintentando en ${duration(seconds)}` : 'Reintentando…');
const of = (n: number, total: number) => (total > 1 ? ` ${number(n)} de ${number(total)}` : '');
const the = { image: 'la imagen', video: 'el vídeo' };

export const strings: Translation = {
  status: {
    idle: '',
    pending: 'Generando…',
    completed: 'Generación completada.',
    failed: 'Error en la generación.',
    cancelled: 'Generación cancelada.',
    expired: 'Generación caducada.',
    error: 'No se pudo seguir la generación.',
  },
  phases: {
    starting: 'Iniciando',
    created: 'Recibida',
    queued: 'En cola',
    processing: 'Procesando',
    'fetching-results': 'Obteniendo resultados',
    cancelling: 'Cancelando',
  },
  progressLabel: 'Progreso de la generación',
  elapsed: clock,
  eta: (seconds) =>
    plural(count(seconds), {
      one: `Queda alrededor de ${duration(seconds)}`,
      other: `Quedan unos ${duration(seconds)}`,
    }),
  overrun: 'Está tardando más de lo habitual',
  queue: (ahead) =>
    ahead === undefined ? 'En espera' : ahead ? `${number(ahead)} por delante` : 'La tuya es la siguiente',
  retrying: (seconds) => `Problema de conexión. ${retryIn(seconds)}`,
  busy: (seconds) => `El servicio está ocupado. ${retryIn(seconds)}`,
  generated: { image: 'Imagen generada', video: 'Vídeo generado' },
  imageAlt: (alt, n, total) => `${alt}${of(n, total)}`,
  imageFailed: (n, total, kind) => `Error en ${the[kind]}${of(n, total)}`,
  loadFailed: (n, total, kind) => `No se pudo cargar ${the[kind]}${of(n, total)}`,
  unsafeUrl: 'Se rechazó su dirección por no ser segura.',
  startFailed: 'No se pudo iniciar la generación.',
  empty: 'La tarea terminó sin ninguna imagen.',
  ended: {
    failed: 'La generación ha fallado.',
    cancelled: 'La generación se ha cancelado.',
    expired: 'La generación ha caducado antes de terminar.',
  },
  endedHint: 'Vuelve a intentarlo para iniciar una nueva generación.',
  errors: {
    network: 'No se pudo conectar con el servidor.',
    http: (status) => `El servidor respondió con un error (HTTP ${status}).`,
    'invalid-response': 'El servidor envió una respuesta que no se pudo leer.',
    timeout: (seconds) => `La tarea no ha terminado en ${span(seconds)}.`,
    'invalid-task-id': 'El identificador de la tarea no es válido.',
    'cancel-failed': 'No se pudo cancelar la generación.',
    refunded: 'La tarea ha fallado y se ha reembolsado: no se te ha cobrado nada.',
  },
  errorHints: {
    unauthorized:
      'Se denegó el acceso a esta tarea. Recarga la página para obtener un nuevo token de acceso.',
    'not-found': 'No se encontró esta tarea. Inicia una nueva generación.',
    'invalid-task-id': 'El identificador de esta tarea no es válido. Inicia una nueva generación.',
    timeout: 'La generación está tardando más de lo previsto. Reintenta para seguir esperando.',
    internal: 'Algo ha fallado en esta página. Recárgala para volver a intentarlo.',
    default: 'Comprueba tu conexión y vuelve a intentarlo.',
  },
  retry: 'Reintentar',
  cancel: 'Cancelar',
  events: 'Eventos de la tarea',
  download: (n, total, kind) => `Descargar ${the[kind]}${of(n, total)}`,
  close: 'Cerrar',
  previous: 'Anterior',
  next: 'Siguiente',
  notifyButton: 'Avisarme cuando termine',
  notifyNote: 'Te avisaremos cuando termine.',
  ready: { image: 'Tus imágenes están listas', video: 'Tu vídeo está listo' },
};
