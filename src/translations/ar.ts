// Arabic (Modern Standard), right to left: units in full, which agree with their number ("3 دقائق").
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, plural, duration, span, clock } = formats('ar', 'long');
const retryIn = (seconds: number) =>
  seconds ? `إعادة المحاولة خلال ${duration(seconds)}` : 'جارٍ إعادة المحاولة…';
const of = (n: number, total: number) => (total > 1 ? ` ${number(n)} من ${number(total)}` : '');
const the = { image: 'الصورة', video: 'الفيديو' };

export const strings: Translation = {
  status: {
    idle: '',
    pending: 'جارٍ الإنشاء…',
    completed: 'اكتمل الإنشاء.',
    failed: 'فشل الإنشاء.',
    cancelled: 'أُلغي الإنشاء.',
    expired: 'انتهت صلاحية الإنشاء.',
    error: 'تعذّرت متابعة الإنشاء.',
  },
  phases: {
    starting: 'جارٍ البدء',
    created: 'تم الاستلام',
    queued: 'في قائمة الانتظار',
    processing: 'قيد المعالجة',
    'fetching-results': 'جارٍ جلب النتائج',
    cancelling: 'جارٍ الإلغاء',
  },
  progressLabel: 'تقدّم الإنشاء',
  elapsed: clock,
  eta: (seconds) => `يتبقى نحو ${duration(seconds)}`,
  overrun: 'يستغرق وقتًا أطول من المعتاد',
  queue: (ahead) =>
    ahead === undefined
      ? 'في الانتظار'
      : ahead
        ? plural(ahead, {
            one: 'أمامك مهمة واحدة',
            two: 'أمامك مهمتان',
            few: `أمامك ${number(ahead)} مهام`,
            other: `أمامك ${number(ahead)} مهمة`,
          })
        : 'دورك هو التالي',
  retrying: (seconds) => `مشكلة في الاتصال. ${retryIn(seconds)}`,
  busy: (seconds) => `الخدمة مشغولة حاليًا. ${retryIn(seconds)}`,
  generated: { image: 'صورة مُنشأة', video: 'فيديو مُنشأ' },
  imageAlt: (alt, n, total) => `${alt}${of(n, total)}`,
  imageFailed: (n, total, kind) => `فشل إنشاء ${the[kind]}${of(n, total)}`,
  loadFailed: (n, total, kind) => `تعذّر تحميل ${the[kind]}${of(n, total)}`,
  unsafeUrl: 'رُفض العنوان لأنه غير آمن.',
  startFailed: 'تعذّر بدء الإنشاء.',
  empty: 'انتهت المهمة دون أي صور.',
  ended: {
    failed: 'فشلت عملية الإنشاء.',
    cancelled: 'أُلغيت عملية الإنشاء.',
    expired: 'انتهت صلاحية عملية الإنشاء قبل اكتمالها.',
  },
  endedHint: 'أعد المحاولة لبدء عملية إنشاء جديدة.',
  errors: {
    network: 'تعذّر الوصول إلى الخادم.',
    http: (status) => `ردّ الخادم بخطأ (HTTP ${status}).`,
    'invalid-response': 'أرسل الخادم ردًا تعذّرت قراءته.',
    timeout: (seconds) => `لم تنتهِ المهمة خلال ${span(seconds)}.`,
    'invalid-task-id': 'معرّف المهمة غير صالح.',
    'cancel-failed': 'تعذّر إلغاء عملية الإنشاء.',
    refunded: 'فشلت المهمة واستُرد المبلغ: لم يُخصم منك شيء.',
  },
  errorHints: {
    unauthorized: 'رُفض الوصول إلى هذه المهمة. أعد تحميل الصفحة للحصول على رمز وصول جديد.',
    'not-found': 'تعذّر العثور على هذه المهمة. ابدأ عملية إنشاء جديدة.',
    'invalid-task-id': 'معرّف هذه المهمة غير صالح. ابدأ عملية إنشاء جديدة.',
    timeout: 'يستغرق الإنشاء وقتًا أطول من المتوقع. أعد المحاولة لمواصلة الانتظار.',
    internal: 'حدث خطأ في هذه الصفحة. أعد تحميل الصفحة ثم حاول مجددًا.',
    default: 'تحقّق من اتصالك، ثم أعد المحاولة.',
  },
  retry: 'إعادة المحاولة',
  cancel: 'إلغاء',
  events: 'أحداث المهمة',
  download: (n, total, kind) => `تنزيل ${the[kind]}${of(n, total)}`,
  close: 'إغلاق',
  previous: 'السابق',
  next: 'التالي',
  notifyButton: 'أعلمني عند الانتهاء',
  notifyNote: 'سنُعلمك فور الانتهاء.',
  ready: { image: 'صورك جاهزة', video: 'الفيديو الخاص بك جاهز' },
};
