// Hindi: units in full ("3 मिनट"); "generate" and "task" as Hindi interfaces write them (जनरेट, टास्क).
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, span, clock } = formats('hi', 'long');
const retryIn = (seconds: number) =>
  seconds ? `${duration(seconds)} में फिर से कोशिश होगी` : 'फिर से कोशिश हो रही है…';
/** "(4 में से 2)", after the noun: result 2 of 4. */
const of = (n: number, total: number) => (total > 1 ? ` (${number(total)} में से ${number(n)})` : '');
const noun = { image: 'इमेज', video: 'वीडियो' };
/** The verb's ending agrees with the noun: इमेज is feminine, वीडियो masculine. */
const could = { image: 'सकी', video: 'सका' };

export const strings: Translation = {
  status: {
    idle: '',
    pending: 'जनरेट हो रहा है…',
    completed: 'जनरेशन पूरा हुआ।',
    failed: 'जनरेशन विफल रहा।',
    cancelled: 'जनरेशन रद्द कर दिया गया।',
    expired: 'जनरेशन की समय-सीमा खत्म हो गई।',
    error: 'जनरेशन की स्थिति का पता नहीं चल सका।',
  },
  phases: {
    starting: 'शुरू हो रहा है',
    created: 'स्वीकार किया गया',
    queued: 'कतार में',
    processing: 'प्रोसेस हो रहा है',
    'fetching-results': 'नतीजे लाए जा रहे हैं',
    cancelling: 'रद्द किया जा रहा है',
  },
  progressLabel: 'जनरेशन की प्रगति',
  elapsed: clock,
  eta: (seconds) => `लगभग ${duration(seconds)} बाकी`,
  overrun: 'सामान्य से ज़्यादा समय लग रहा है',
  queue: (ahead) =>
    ahead === undefined ? 'प्रतीक्षा में' : ahead ? `कतार में आपसे आगे ${number(ahead)}` : 'अगली बारी आपकी है',
  retrying: (seconds) => `कनेक्शन में समस्या। ${retryIn(seconds)}`,
  busy: (seconds) => `सेवा अभी व्यस्त है। ${retryIn(seconds)}`,
  generated: { image: 'जनरेट की गई इमेज', video: 'जनरेट किया गया वीडियो' },
  imageAlt: (alt, n, total) => `${alt}${of(n, total)}`,
  imageFailed: (n, total, kind) => `${noun[kind]}${of(n, total)} नहीं बन ${could[kind]}`,
  loadFailed: (n, total, kind) => `${noun[kind]}${of(n, total)} लोड नहीं हो ${could[kind]}`,
  unsafeUrl: 'पता असुरक्षित होने के कारण अस्वीकार कर दिया गया।',
  startFailed: 'जनरेशन शुरू नहीं हो सका।',
  empty: 'टास्क बिना किसी इमेज के खत्म हो गया।',
  ended: {
    failed: 'जनरेशन विफल रहा।',
    cancelled: 'जनरेशन रद्द कर दिया गया।',
    expired: 'पूरा होने से पहले ही जनरेशन की समय-सीमा खत्म हो गई।',
  },
  endedHint: 'नया जनरेशन शुरू करने के लिए फिर से कोशिश करें।',
  errors: {
    network: 'सर्वर से संपर्क नहीं हो सका।',
    http: (status) => `सर्वर ने त्रुटि लौटाई (HTTP ${status})।`,
    'invalid-response': 'सर्वर का जवाब पढ़ा नहीं जा सका।',
    timeout: (seconds) => `टास्क ${span(seconds)} में पूरा नहीं हुआ।`,
    'invalid-task-id': 'टास्क की ID मान्य नहीं है।',
    'cancel-failed': 'जनरेशन रद्द नहीं किया जा सका।',
    refunded: 'टास्क विफल रहा और पैसे लौटा दिए गए: आपसे कोई शुल्क नहीं लिया गया।',
  },
  errorHints: {
    unauthorized: 'इस टास्क तक पहुँच अस्वीकार कर दी गई। नया ऐक्सेस टोकन पाने के लिए पेज को रीलोड करें।',
    'not-found': 'यह टास्क नहीं मिला। नया जनरेशन शुरू करें।',
    'invalid-task-id': 'इस टास्क की ID मान्य नहीं है। नया जनरेशन शुरू करें।',
    timeout: 'जनरेशन में उम्मीद से ज़्यादा समय लग रहा है। इंतज़ार जारी रखने के लिए फिर से कोशिश करें।',
    internal: 'इस पेज पर कुछ गड़बड़ हो गई। फिर से कोशिश करने के लिए पेज को रीलोड करें।',
    default: 'अपना कनेक्शन जाँचें, फिर दोबारा कोशिश करें।',
  },
  retry: 'फिर से कोशिश करें',
  cancel: 'रद्द करें',
  events: 'टास्क के इवेंट',
  download: (n, total, kind) => `${noun[kind]}${of(n, total)} डाउनलोड करें`,
  close: 'बंद करें',
  previous: 'पिछला',
  next: 'अगला',
  notifyButton: 'पूरा होने पर मुझे सूचित करें',
  notifyNote: 'पूरा होते ही आपको सूचना मिल जाएगी।',
  ready: { image: 'आपकी इमेज तैयार हैं', video: 'आपका वीडियो तैयार है' },
};
