// Japanese: units written right after the number, as Japanese writes them ("45秒").
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, span, clock } = formats('ja', { second: '秒', minute: '分' });
const retryIn = (seconds: number) => (seconds ? `${duration(seconds)}後に再試行します` : '再試行しています…');
const of = (n: number, total: number) => (total > 1 ? `（${number(n)}/${number(total)}）` : '');
const noun = { image: '画像', video: '動画' };

export const strings: Translation = {
  status: {
    idle: '',
    pending: '生成中…',
    completed: '生成が完了しました。',
    failed: '生成に失敗しました。',
    cancelled: '生成がキャンセルされました。',
    expired: '生成の有効期限が切れました。',
    error: '生成の状況を取得できませんでした。',
  },
  phases: {
    starting: '開始しています',
    created: '受付済み',
    queued: '順番待ち',
    processing: '処理中',
    'fetching-results': '結果を取得しています',
    cancelling: 'キャンセルしています',
  },
  progressLabel: '生成の進行状況',
  elapsed: clock,
  eta: (seconds) => `残り約${duration(seconds)}`,
  overrun: '通常より時間がかかっています',
  queue: (ahead) => (ahead === undefined ? '待機中' : ahead ? `前に${number(ahead)}件` : '次の順番です'),
  retrying: (seconds) => `接続に問題があります。${retryIn(seconds)}`,
  busy: (seconds) => `サービスが混み合っています。${retryIn(seconds)}`,
  generated: { image: '生成された画像', video: '生成された動画' },
  imageAlt: (alt, n, total) => `${alt}${of(n, total)}`,
  imageFailed: (n, total, kind) => `${noun[kind]}${of(n, total)}の生成に失敗しました`,
  loadFailed: (n, total, kind) => `${noun[kind]}${of(n, total)}を読み込めませんでした`,
  unsafeUrl: 'アドレスが安全でないため拒否されました。',
  startFailed: '生成を開始できませんでした。',
  empty: '画像が生成されないままタスクが終了しました。',
  ended: {
    failed: '生成に失敗しました。',
    cancelled: '生成はキャンセルされました。',
    expired: '完了する前に生成の有効期限が切れました。',
  },
  endedHint: '再試行すると、新しい生成を開始します。',
  errors: {
    network: 'サーバーに接続できませんでした。',
    http: (status) => `サーバーからエラーが返されました（HTTP ${status}）。`,
    'invalid-response': 'サーバーの応答を読み取れませんでした。',
    timeout: (seconds) => `タスクが${span(seconds)}以内に完了しませんでした。`,
    'invalid-task-id': 'タスクの ID が無効です。',
    'cancel-failed': '生成をキャンセルできませんでした。',
    refunded: 'タスクは失敗し、返金されました。料金は請求されません。',
  },
  errorHints: {
    unauthorized:
      'このタスクへのアクセスが拒否されました。ページを再読み込みして、新しいアクセストークンを取得してください。',
    'not-found': 'このタスクが見つかりません。新しい生成を開始してください。',
    'invalid-task-id': 'このタスクの ID は無効です。新しい生成を開始してください。',
    timeout: '生成に予想より時間がかかっています。このまま待つには再試行してください。',
    internal: 'このページで問題が発生しました。ページを再読み込みしてやり直してください。',
    default: '接続を確認してから、再試行してください。',
  },
  retry: '再試行',
  cancel: 'キャンセル',
  events: 'タスクのイベント',
  download: (n, total, kind) => `${noun[kind]}${of(n, total)}をダウンロード`,
  close: '閉じる',
  previous: '前へ',
  next: '次へ',
  notifyButton: '完了したら通知する',
  notifyNote: '完了したらお知らせします。',
  ready: { image: '画像ができあがりました', video: '動画ができあがりました' },
};
