// Chinese (Simplified): no space between a number and the characters around it ("3分钟").
import type { Translation } from '../strings.js';
import { chineseResult, formats } from './format.js';

const { number, duration, span, clock } = formats('zh', { second: '秒', minute: '分钟' });
const retryIn = (seconds: number) => (seconds ? `${duration(seconds)}后重试` : '正在重试…');
// Each kind with its measure word: 张 for a picture, 个 for a video.
const nth = chineseResult(number, { image: ['图片', '张'], video: ['视频', '个'] });

export const strings: Translation = {
  status: {
    idle: '',
    pending: '正在生成…',
    completed: '生成完成。',
    failed: '生成失败。',
    cancelled: '已取消生成。',
    expired: '生成已过期。',
    error: '无法跟踪生成进度。',
  },
  phases: {
    starting: '正在启动',
    created: '已受理',
    queued: '排队中',
    processing: '处理中',
    'fetching-results': '正在获取结果',
    cancelling: '正在取消',
  },
  progressLabel: '生成进度',
  elapsed: clock,
  eta: (seconds) => `预计还需${duration(seconds)}`,
  overrun: '耗时比平常更久',
  queue: (ahead) => (ahead === undefined ? '等待中' : ahead ? `前面还有${number(ahead)}个` : '即将轮到你'),
  retrying: (seconds) => `连接出现问题。${retryIn(seconds)}`,
  busy: (seconds) => `服务繁忙。${retryIn(seconds)}`,
  generated: { image: '生成的图片', video: '生成的视频' },
  imageAlt: (alt, n, total) => (total > 1 ? `${alt}（${number(n)}/${number(total)}）` : alt),
  imageFailed: (n, total, kind) => `${nth(n, total, kind)}生成失败`,
  loadFailed: (n, total, kind) => `无法加载${nth(n, total, kind)}`,
  unsafeUrl: '该地址不安全，已被拒绝。',
  startFailed: '无法开始生成。',
  empty: '任务已结束，但没有生成任何图片。',
  ended: {
    failed: '生成失败。',
    cancelled: '生成已取消。',
    expired: '生成在完成前已过期。',
  },
  endedHint: '重试即可开始新的生成。',
  errors: {
    network: '无法连接到服务器。',
    http: (status) => `服务器返回错误（HTTP ${status}）。`,
    'invalid-response': '无法读取服务器的响应。',
    timeout: (seconds) => `任务未在${span(seconds)}内完成。`,
    'invalid-task-id': '任务ID无效。',
    'cancel-failed': '无法取消生成。',
    refunded: '任务失败，费用已退还，你不会被扣费。',
  },
  errorHints: {
    unauthorized: '访问此任务被拒绝。请刷新页面以获取新的访问令牌。',
    'not-found': '找不到此任务。请开始新的生成。',
    'invalid-task-id': '此任务ID无效。请开始新的生成。',
    timeout: '生成时间超出预期。重试即可继续等待。',
    internal: '此页面出现问题。请刷新页面后重试。',
    default: '请检查网络连接，然后重试。',
  },
  retry: '重试',
  cancel: '取消',
  events: '任务事件',
  download: (n, total, kind) => `下载${nth(n, total, kind)}`,
  close: '关闭',
  previous: '上一个',
  next: '下一个',
  notifyButton: '完成后通知我',
  notifyNote: '完成后会通知你。',
  ready: { image: '你的图片已生成', video: '你的视频已生成' },
};
