// Chinese (Simplified).
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, clock } = formats('zh');
const retryIn = (seconds: number) => (seconds ? `${duration(seconds)}后重试` : '正在重试…');

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
    created: '已创建',
    queued: '排队中',
    processing: '处理中',
    'fetching-results': '正在获取结果',
    cancelling: '正在取消',
  },
  progressLabel: '生成进度',
  elapsed: clock,
  eta: (seconds) => `预计还需 ${duration(seconds)}`,
  overrun: '耗时比平常更久',
  queue: (ahead) =>
    ahead === undefined ? '等待中' : ahead ? `前面还有 ${number(ahead)} 个` : '下一个就是你',
  retrying: (seconds) => `连接出现问题。${retryIn(seconds)}`,
  busy: (seconds) => `服务繁忙。${retryIn(seconds)}`,
  imageAlt: (alt, n, total) => (total > 1 ? `${alt}（${number(n)}/${number(total)}）` : alt),
  imageFailed: (n, total) => (total > 1 ? `第 ${number(n)}/${number(total)} 张图片生成失败` : '图片生成失败'),
  mediaFailed: '无法加载图片',
  unsafeUrl: '图片地址不安全，已被拒绝。',
  startFailed: '无法开始生成。',
  empty: '任务已结束，但没有生成任何图片。',
  ended: {
    failed: '生成失败。',
    cancelled: '生成已取消。',
    expired: '生成在完成前已过期。',
  },
  endedHint: '重试即可开始新的生成。',
  errorHints: {
    unauthorized: '访问此任务被拒绝。请刷新页面以获取新的访问令牌。',
    'not-found': '找不到此任务。请开始新的生成。',
    'invalid-task-id': '此任务 ID 无效。请开始新的生成。',
    timeout: '生成时间超出预期。重试即可继续等待。',
    internal: '此页面出现问题。请刷新页面后重试。',
    default: '请检查网络连接，然后重试。',
  },
  retry: '重试',
  cancel: '取消',
  events: '任务事件',
  download: (n, total) => (total > 1 ? `下载第 ${number(n)}/${number(total)} 张图片` : '下载图片'),
  close: '关闭',
  previous: '上一张',
  next: '下一张',
};
