// Ukrainian.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, plural, duration, span, clock } = formats('uk');
const retryIn = (seconds: number) => (seconds ? `Повтор через ${duration(seconds)}` : 'Повторна спроба…');
const of = (n: number, total: number) => (total > 1 ? ` ${number(n)} з ${number(total)}` : '');
const noun = { image: 'зображення', video: 'відео' };

export const strings: Translation = {
  status: {
    idle: '',
    pending: 'Генерування…',
    completed: 'Генерування завершено.',
    failed: 'Генерування не вдалося.',
    cancelled: 'Генерування скасовано.',
    expired: 'Термін генерування минув.',
    error: 'Не вдалося відстежити генерування.',
  },
  phases: {
    starting: 'Запуск',
    created: 'Прийнято',
    queued: 'У черзі',
    processing: 'Обробка',
    'fetching-results': 'Отримання результатів',
    cancelling: 'Скасування',
  },
  progressLabel: 'Перебіг генерування',
  elapsed: clock,
  eta: (seconds) => `Ще приблизно ${duration(seconds)}`,
  overrun: 'Триває довше, ніж зазвичай',
  queue: (ahead) =>
    ahead === undefined
      ? 'Очікування'
      : ahead
        ? `Перед вами ${number(ahead)} ${plural(ahead, { many: 'завдань', other: 'завдання' })}`
        : 'Ваше завдання наступне',
  retrying: (seconds) => `Проблема з підключенням. ${retryIn(seconds)}`,
  busy: (seconds) => `Сервіс перевантажений. ${retryIn(seconds)}`,
  generated: { image: 'Згенероване зображення', video: 'Згенероване відео' },
  imageAlt: (alt, n, total) => `${alt}${of(n, total)}`,
  imageFailed: (n, total, kind) => `Не вдалося створити ${noun[kind]}${of(n, total)}`,
  loadFailed: (n, total, kind) => `Не вдалося завантажити ${noun[kind]}${of(n, total)}`,
  unsafeUrl: 'Адресу відхилено як небезпечну.',
  startFailed: 'Не вдалося почати генерування.',
  empty: 'Завдання завершилося без зображень.',
  ended: {
    failed: 'Генерування не вдалося.',
    cancelled: 'Генерування було скасовано.',
    expired: 'Термін генерування минув до його завершення.',
  },
  endedHint: 'Спробуйте ще раз, щоб почати нове генерування.',
  errors: {
    network: 'Не вдалося зв’язатися із сервером.',
    http: (status) => `Сервер відповів помилкою (HTTP ${status}).`,
    'invalid-response': 'Сервер надіслав відповідь, яку не вдалося прочитати.',
    timeout: (seconds) => `Завдання не завершилося за ${span(seconds)}.`,
    'invalid-task-id': 'Недійсний ідентифікатор завдання.',
    'cancel-failed': 'Не вдалося скасувати генерування.',
    refunded: 'Завдання не виконано, кошти повернуто: з вас нічого не списано.',
  },
  errorHints: {
    unauthorized:
      'Доступ до цього завдання заборонено. Перезавантажте сторінку, щоб отримати новий токен доступу.',
    'not-found': 'Завдання не знайдено. Почніть нове генерування.',
    'invalid-task-id': 'Ідентифікатор цього завдання недійсний. Почніть нове генерування.',
    timeout: 'Генерування триває довше, ніж очікувалося. Спробуйте ще раз, щоб зачекати далі.',
    internal: 'На цій сторінці сталася помилка. Перезавантажте сторінку й спробуйте ще раз.',
    default: 'Перевірте підключення та спробуйте ще раз.',
  },
  retry: 'Спробувати ще раз',
  cancel: 'Скасувати',
  events: 'Події завдання',
  download: (n, total, kind) => `Завантажити ${noun[kind]}${of(n, total)}`,
  close: 'Закрити',
  previous: 'Попереднє',
  next: 'Наступне',
  notifyButton: 'Сповістити, коли буде готово',
  notifyNote: 'Ми сповістимо, коли буде готово.',
  ready: { image: 'Ваші зображення готові', video: 'Ваше відео готове' },
};
