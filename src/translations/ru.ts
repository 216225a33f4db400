// Russian.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, plural, duration, span, clock } = formats('ru');
const retryIn = (seconds: number) => (seconds ? `Повтор через ${duration(seconds)}` : 'Повторная попытка…');
const of = (n: number, total: number) => (total > 1 ? ` ${number(n)} из ${number(total)}` : '');
const noun = { image: 'изображение', video: 'видео' };

export const strings: Translation = {
  status: {
    idle: '',
    pending: 'Генерация…',
    completed: 'Генерация завершена.',
    failed: 'Генерация не удалась.',
    cancelled: 'Генерация отменена.',
    expired: 'Срок генерации истёк.',
    error: 'Не удалось отследить генерацию.',
  },
  phases: {
    starting: 'Запуск',
    created: 'Принята',
    queued: 'В очереди',
    processing: 'Обработка',
    'fetching-results': 'Получение результатов',
    cancelling: 'Отмена',
  },
  progressLabel: 'Ход генерации',
  elapsed: clock,
  eta: (seconds) => `Ещё примерно ${duration(seconds)}`,
  overrun: 'Занимает больше времени, чем обычно',
  queue: (ahead) =>
    ahead === undefined
      ? 'Ожидание'
      : ahead
        ? `Перед вами ${number(ahead)} ${plural(ahead, { one: 'задача', many: 'задач', other: 'задачи' })}`
        : 'Ваша задача следующая',
  retrying: (seconds) => `Проблема с подключением. ${retryIn(seconds)}`,
  busy: (seconds) => `Сервис перегружен. ${retryIn(seconds)}`,
  generated: { image: 'Сгенерированное изображение', video: 'Сгенерированное видео' },
  imageAlt: (alt, n, total) => `${alt}${of(n, total)}`,
  imageFailed: (n, total, kind) => `Не удалось создать ${noun[kind]}${of(n, total)}`,
  loadFailed: (n, total, kind) => `Не удалось загрузить ${noun[kind]}${of(n, total)}`,
  unsafeUrl: 'Адрес отклонён как небезопасный.',
  startFailed: 'Не удалось начать генерацию.',
  empty: 'Задача завершилась без изображений.',
  ended: {
    failed: 'Генерация не удалась.',
    cancelled: 'Генерация была отменена.',
    expired: 'Срок генерации истёк до её завершения.',
  },
  endedHint: 'Повторите попытку, чтобы начать новую генерацию.',
  errors: {
    network: 'Не удалось связаться с сервером.',
    http: (status) => `Сервер ответил ошибкой (HTTP ${status}).`,
    'invalid-response': 'Сервер прислал ответ, который не удалось прочитать.',
    timeout: (seconds) => `Задача не завершилась за ${span(seconds)}.`,
    'invalid-task-id': 'Недопустимый идентификатор задачи.',
    'cancel-failed': 'Не удалось отменить генерацию.',
    refunded: 'Задача не выполнена, средства возвращены: с вас ничего не списано.',
  },
  errorHints: {
    unauthorized:
      'Доступ к этой задаче запрещён. Перезагрузите страницу, чтобы получить новый токен доступа.',
    'not-found': 'Задача не найдена. Начните новую генерацию.',
    'invalid-task-id': 'Идентификатор этой задачи недопустим. Начните новую генерацию.',
    timeout: 'Генерация занимает больше времени, чем ожидалось. Повторите попытку, чтобы подождать ещё.',
    internal: 'На этой странице произошла ошибка. Перезагрузите страницу и попробуйте снова.',
    default: 'Проверьте подключение и повторите попытку.',
  },
  retry: 'Повторить',
  cancel: 'Отменить',
  events: 'События задачи',
  download: (n, total, kind) => `Скачать ${noun[kind]}${of(n, total)}`,
  close: 'Закрыть',
  previous: 'Предыдущее',
  next: 'Следующее',
  notifyButton: 'Сообщить, когда будет готово',
  notifyNote: 'Мы сообщим, когда будет готово.',
  ready: { image: 'Ваши изображения готовы', video: 'Ваше видео готово' },
};
