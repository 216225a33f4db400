// Chinese (Traditional), as written in Taiwan, Hong Kong and Macau: no space between a number and
// the characters around it ("3分鐘").
import type { Translation } from '../strings.js';
import { chineseResult, formats } from './format.js';

const { number, duration, span, clock } = formats('zh-Hant', { second: '秒', minute: '分鐘' });
const retryIn = (seconds: number) => (seconds ? `${duration(seconds)}後重試` : '正在重試…');
// Each kind with its measure word: 張 for a picture, 部 for a video.
const nth = chineseResult(number, { image: ['圖片', '張'], video: ['影片', '部'] });

export const strings: Translation = {
  status: {
    idle: '',
    pending: '正在生成…',
    completed: '生成完成。',
    failed: '生成失敗。',
    cancelled: '已取消生成。',
    expired: '生成已過期。',
    error: '無法追蹤生成進度。',
  },
  phases: {
    starting: '正在啟動',
    created: '已受理',
    queued: '排隊中',
    processing: '處理中',
    'fetching-results': '正在取得結果',
    cancelling: '正在取消',
  },
  progressLabel: '生成進度',
  elapsed: clock,
  eta: (seconds) => `預計還需${duration(seconds)}`,
  overrun: '花費的時間比平常久',
  queue: (ahead) => (ahead === undefined ? '等待中' : ahead ? `前面還有${number(ahead)}個` : '即將輪到你'),
  retrying: (seconds) => `連線發生問題。${retryIn(seconds)}`,
  busy: (seconds) => `服務忙碌中。${retryIn(seconds)}`,
  generated: { image: '生成的圖片', video: '生成的影片' },
  imageAlt: (alt, n, total) => (total > 1 ? `${alt}（${number(n)}/${number(total)}）` : alt),
  imageFailed: (n, total, kind) => `${nth(n, total, kind)}生成失敗`,
  loadFailed: (n, total, kind) => `無法載入${nth(n, total, kind)}`,
  unsafeUrl: '此位址不安全，已遭拒絕。',
  startFailed: '無法開始生成。',
  empty: '工作已結束，但沒有產生任何圖片。',
  ended: {
    failed: '生成失敗。',
    cancelled: '生成已取消。',
    expired: '生成在完成前已過期。',
  },
  endedHint: '重試即可開始新的生成。',
  errors: {
    network: '無法連線到伺服器。',
    http: (status) => `伺服器傳回錯誤（HTTP ${status}）。`,
    'invalid-response': '無法讀取伺服器的回應。',
    timeout: (seconds) => `工作未在${span(seconds)}內完成。`,
    'invalid-task-id': '工作ID無效。',
    'cancel-failed': '無法取消生成。',
    refunded: '工作失敗，費用已退還，你不會被收費。',
  },
  errorHints: {
    unauthorized: '存取此工作遭拒。請重新整理頁面以取得新的存取權杖。',
    'not-found': '找不到此工作。請開始新的生成。',
    'invalid-task-id': '此工作ID無效。請開始新的生成。',
    timeout: '生成所需時間超出預期。重試即可繼續等待。',
    internal: '此頁面發生問題。請重新整理頁面後再試一次。',
    default: '請檢查網路連線，然後重試。',
  },
  retry: '重試',
  cancel: '取消',
  events: '工作事件',
  download: (n, total, kind) => `下載${nth(n, total, kind)}`,
  close: '關閉',
  previous: '上一個',
  next: '下一個',
  notifyButton: '完成後通知我',
  notifyNote: '完成後會通知你。',
  ready: { image: '你的圖片已生成', video: '你的影片已生成' },
};
