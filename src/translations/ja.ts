// Japanese.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, clock } = formats('ja');
const retryIn = (seconds: number) => (seconds ? `${duration(seconds)}後に再試行します` : '再試行しています…');

export const strings: Translation = {
  status: {
    idle: '',
    pending: '生成中…',
    completed: '生成が完了しました。',
    failed: '生成に失敗しました。',
    cancelled: '生成をキャンセルしました。',
    expired: '生成の有効期限が切れました。',
    error: '生成の状況を取得できませんでした。',
  },
  phases: {
    starting: '開始しています',
    created: '作成済み',
    queued: '順番待ち',
    processing: '処理中',
    'fetching-results': '結果を取得しています',
    cancelling: 'キャンセルしています',
  },
  progressLabel: '生成の進行状況',
  elapsed: clock,
  eta: (seconds) => `残り約${duration(seconds)}`,
  overrun: '通常より時間がかかっています',
  queue: (ahead) => (ahead === undefined ? '待機中' : ahead ? `あと${number(ahead)}件` : '次の順番です'),
  retrying: (seconds) => `接続に問題があります。${retryIn(seconds)}`,
  busy: (seconds) => `サービスが混み合っています。${retryIn(seconds)}`,
  imageAlt: (alt, n, total) => (total > 1 ? `${alt}（${number(n)}/${number(total)}）` : alt),
  imageFailed: (n, total) =>
    total > 1 ? `画像 ${number(n)}/${number(total)} の生成に失敗しました` : '画像の生成に失敗しました',
  mediaFailed: '画像を読み込めませんでした',
  unsafeUrl: '画像のアドレスが安全でないため拒否されました。',
  startFailed: '生成を開始できませんでした。',
  empty: '画像が生成されないままタスクが終了しました。',
  ended: {
    failed: '生成に失敗しました。',
    cancelled: '生成はキャンセルされました。',
    expired: '完了する前に生成の有効期限が切れました。',
  },
  endedHint: '再試行すると、新しい生成を開始します。',
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
  download: (n, total) =>
    total > 1 ? `画像 ${number(n)}/${number(total)} をダウンロード` : '画像をダウンロード',
  close: '閉じる',
  previous: '前へ',
  next: '次へ',
};
