// Turkish.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, span, clock } = formats('tr');
const retryIn = (seconds: number) =>
  seconds ? `${duration(seconds)} içinde yeniden denenecek` : 'Yeniden deneniyor…';
const of = (n: number, total: number) => (total > 1 ? ` (${number(n)}/${number(total)})` : '');
const noun = { image: 'Görsel', video: 'Video' };
/** The noun as the object of a verb: "görseli", "videoyu". */
const object = { image: 'Görseli', video: 'Videoyu' };

export const strings: Translation = {
  status: {
    idle: '',
    pending: 'Oluşturuluyor…',
    completed: 'Oluşturma tamamlandı.',
    failed: 'Oluşturma başarısız oldu.',
    cancelled: 'Oluşturma iptal edildi.',
    expired: 'Oluşturmanın süresi doldu.',
    error: 'Oluşturma takip edilemedi.',
  },
  phases: {
    starting: 'Başlatılıyor',
    created: 'Alındı',
    queued: 'Sırada',
    processing: 'İşleniyor',
    'fetching-results': 'Sonuçlar alınıyor',
    cancelling: 'İptal ediliyor',
  },
  progressLabel: 'Oluşturma ilerlemesi',
  elapsed: clock,
  eta: (seconds) => `Yaklaşık ${duration(seconds)} kaldı`,
  overrun: 'Her zamankinden uzun sürüyor',
  queue: (ahead) =>
    ahead === undefined ? 'Bekliyor' : ahead ? `Önünüzde ${number(ahead)} görev var` : 'Sıradaki sizsiniz',
  retrying: (seconds) => `Bağlantı sorunu. ${retryIn(seconds)}`,
  busy: (seconds) => `Hizmet şu anda yoğun. ${retryIn(seconds)}`,
  generated: { image: 'Oluşturulan görsel', video: 'Oluşturulan video' },
  imageAlt: (alt, n, total) => `${alt}${of(n, total)}`,
  imageFailed: (n, total, kind) => `${noun[kind]} oluşturulamadı${of(n, total)}`,
  loadFailed: (n, total, kind) => `${noun[kind]} yüklenemedi${of(n, total)}`,
  unsafeUrl: 'Adres güvenli olmadığı için reddedildi.',
  startFailed: 'Oluşturma başlatılamadı.',
  empty: 'Görev hiç görsel olmadan tamamlandı.',
  ended: {
    failed: 'Oluşturma başarısız oldu.',
    cancelled: 'Oluşturma iptal edildi.',
    expired: 'Oluşturma tamamlanmadan süresi doldu.',
  },
  endedHint: 'Yeni bir oluşturma başlatmak için tekrar deneyin.',
  errors: {
    network: 'Sunucuya ulaşılamadı.',
    http: (status) => `Sunucu bir hatayla yanıt verdi (HTTP ${status}).`,
    'invalid-response': 'Sunucunun yanıtı okunamadı.',
    timeout: (seconds) => `Görev ${span(seconds)} içinde tamamlanmadı.`,
    'invalid-task-id': 'Görev kimliği geçerli değil.',
    'cancel-failed': 'Oluşturma iptal edilemedi.',
    refunded: 'Görev başarısız oldu ve ücreti iade edildi: sizden ücret alınmadı.',
  },
  errorHints: {
    unauthorized: 'Bu göreve erişim reddedildi. Yeni bir erişim belirteci almak için sayfayı yenileyin.',
    'not-found': 'Bu görev bulunamadı. Yeni bir oluşturma başlatın.',
    'invalid-task-id': 'Bu görevin kimliği geçerli değil. Yeni bir oluşturma başlatın.',
    timeout: 'Oluşturma beklenenden uzun sürüyor. Beklemeye devam etmek için tekrar deneyin.',
    internal: 'Bu sayfada bir sorun oluştu. Tekrar denemek için sayfayı yenileyin.',
    default: 'Bağlantınızı kontrol edip tekrar deneyin.',
  },
  retry: 'Tekrar dene',
  cancel: 'İptal',
  events: 'Görev olayları',
  download: (n, total, kind) => `${object[kind]} indir${of(n, total)}`,
  close: 'Kapat',
  previous: 'Önceki',
  next: 'Sonraki',
  notifyButton: 'Bitince bana haber ver',
  notifyNote: 'Bitince size haber vereceğiz.',
  ready: { image: 'Görselleriniz hazır', video: 'Videonuz hazır' },
};
