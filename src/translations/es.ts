// Spanish.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, clock } = formats('es');
const retryIn = (seconds: number) => (seconds ? `Reintentando en ${duration(seconds)}` : 'Reintentando…');

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
    created: 'Creada',
    queued: 'En cola',
    processing: 'Procesando',
    'fetching-results': 'Obteniendo resultados',
    cancelling: 'Cancelando',
  },
  progressLabel: 'Progreso de la generación',
  elapsed: clock,
  eta: (seconds) => `Quedan unos ${duration(seconds)}`,
  overrun: 'Está tardando más de lo habitual',
  queue: (ahead) =>
    ahead === undefined ? 'En espera' : ahead ? `${number(ahead)} por delante` : 'Eres el siguiente',
  retrying: (seconds) => `Problema de conexión. ${retryIn(seconds)}`,
  busy: (seconds) => `El servicio está ocupado. ${retryIn(seconds)}`,
  imageAlt: (alt, n, total) => (total > 1 ? `${alt} ${number(n)} de ${number(total)}` : alt),
  imageFailed: (n, total) =>
    total > 1 ? `Error en la imagen ${number(n)} de ${number(total)}` : 'Error en la imagen',
  mediaFailed: 'No se pudo cargar la imagen',
  unsafeUrl: 'Se rechazó la dirección de la imagen por no ser segura.',
  startFailed: 'No se pudo iniciar la generación.',
  empty: 'La tarea terminó sin ninguna imagen.',
  ended: {
    failed: 'La generación ha fallado.',
    cancelled: 'La generación se ha cancelado.',
    expired: 'La generación caducó antes de terminar.',
  },
  endedHint: 'Vuelve a intentarlo para iniciar una nueva generación.',
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
  download: (n, total) =>
    total > 1 ? `Descargar imagen ${number(n)} de ${number(total)}` : 'Descargar imagen',
  close: 'Cerrar',
  previous: 'Anterior',
  next: 'Siguiente',
};
