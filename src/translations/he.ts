// Hebrew, right to left: units in full ("3 דקות"); addressed in the plural, as Hebrew interfaces
// address everyone.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, plural, count, duration, span, clock } = formats('he', 'long');
const retryIn = (seconds: number) => (seconds ? `ניסיון חוזר בעוד ${duration(seconds)}` : 'ניסיון חוזר…');
const of = (n: number, total: number) => (total > 1 ? ` ${number(n)} מתוך ${number(total)}` : '');
const noun = { image: 'תמונה', video: 'סרטון' };
const the = { image: 'התמונה', video: 'הסרטון' };

export const strings: Translation = {
  status: {
    idle: '',
    pending: 'היצירה מתבצעת…',
    completed: 'היצירה הושלמה.',
    failed: 'היצירה נכשלה.',
    cancelled: 'היצירה בוטלה.',
    expired: 'תוקף היצירה פג.',
    error: 'לא ניתן לעקוב אחר היצירה.',
  },
  phases: {
    starting: 'בהפעלה',
    created: 'התקבלה',
    queued: 'בתור',
    processing: 'בעיבוד',
    'fetching-results': 'אחזור התוצאות',
    cancelling: 'בביטול',
  },
  progressLabel: 'התקדמות היצירה',
  elapsed: clock,
  // Minutes and seconds are feminine: "נותרה דקה", "נותרו 3 דקות".
  eta: (seconds) =>
    plural(count(seconds), {
      one: `נותרה בערך ${duration(seconds)}`,
      other: `נותרו בערך ${duration(seconds)}`,
    }),
  overrun: 'נמשך יותר מהרגיל',
  queue: (ahead) =>
    ahead === undefined
      ? 'בהמתנה'
      : ahead
        ? plural(ahead, { one: 'משימה אחת לפניכם', other: `${number(ahead)} משימות לפניכם` })
        : 'המשימה שלכם הבאה בתור',
  retrying: (seconds) => `בעיה בחיבור. ${retryIn(seconds)}`,
  busy: (seconds) => `השירות עמוס. ${retryIn(seconds)}`,
  generated: { image: 'תמונה שנוצרה', video: 'סרטון שנוצר' },
  imageAlt: (alt, n, total) => `${alt}${of(n, total)}`,
  imageFailed: (n, total, kind) =>
    total > 1 ? `יצירת ${noun[kind]}${of(n, total)} נכשלה` : `יצירת ${the[kind]} נכשלה`,
  loadFailed: (n, total, kind) => `לא ניתן לטעון את ${total > 1 ? noun[kind] : the[kind]}${of(n, total)}`,
  unsafeUrl: 'הכתובת נדחתה כי אינה בטוחה.',
  startFailed: 'לא ניתן להתחיל את היצירה.',
  empty: 'המשימה הסתיימה ללא תמונות.',
  ended: {
    failed: 'היצירה נכשלה.',
    cancelled: 'היצירה בוטלה.',
    expired: 'תוקף היצירה פג לפני שהסתיימה.',
  },
  endedHint: 'נסו שוב כדי להתחיל יצירה חדשה.',
  errors: {
    network: 'לא ניתן להתחבר לשרת.',
    http: (status) => `השרת השיב בשגיאה (HTTP ${status}).`,
    'invalid-response': 'השרת שלח תשובה שלא ניתן לקרוא.',
    timeout: (seconds) => `המשימה לא הסתיימה בתוך ${span(seconds)}.`,
    'invalid-task-id': 'מזהה המשימה אינו תקין.',
    'cancel-failed': 'לא ניתן לבטל את היצירה.',
    refunded: 'המשימה נכשלה והתשלום הוחזר: לא חויבתם.',
  },
  errorHints: {
    unauthorized: 'הגישה למשימה זו נדחתה. טענו מחדש את הדף כדי לקבל אסימון גישה חדש.',
    'not-found': 'המשימה לא נמצאה. התחילו יצירה חדשה.',
    'invalid-task-id': 'מזהה המשימה אינו תקין. התחילו יצירה חדשה.',
    timeout: 'היצירה נמשכת יותר מהצפוי. נסו שוב כדי להמשיך להמתין.',
    internal: 'משהו השתבש בדף הזה. טענו מחדש את הדף ונסו שוב.',
    default: 'בדקו את החיבור ונסו שוב.',
  },
  retry: 'ניסיון חוזר',
  cancel: 'ביטול',
  events: 'אירועי המשימה',
  download: (n, total, kind) => `הורדת ${total > 1 ? noun[kind] : the[kind]}${of(n, total)}`,
  close: 'סגירה',
  previous: 'הקודם',
  next: 'הבא',
  notifyButton: 'להודיע לי כשזה מוכן',
  notifyNote: 'תקבלו הודעה ברגע שזה יהיה מוכן.',
  ready: { image: 'התמונות שלכם מוכנות', video: 'הסרטון שלכם מוכן' },
};
