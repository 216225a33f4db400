// Korean.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, clock } = formats('ko');
const retryIn = (seconds: number) =>
  seconds ? `${duration(seconds)} 후 다시 시도합니다` : '다시 시도하는 중…';

export const strings: Translation = {
  status: {
    idle: '',
    pending: '생성 중…',
    completed: '생성이 완료되었습니다.',
    failed: '생성에 실패했습니다.',
    cancelled: '생성이 취소되었습니다.',
    expired: '생성이 만료되었습니다.',
    error: '생성 상태를 확인할 수 없습니다.',
  },
  phases: {
    starting: '시작하는 중',
    created: '생성됨',
    queued: '대기 중',
    processing: '처리 중',
    'fetching-results': '결과를 가져오는 중',
    cancelling: '취소하는 중',
  },
  progressLabel: '생성 진행률',
  elapsed: clock,
  eta: (seconds) => `약 ${duration(seconds)} 남음`,
  overrun: '평소보다 오래 걸리고 있습니다',
  queue: (ahead) => (ahead === undefined ? '대기열에 있음' : ahead ? `앞에 ${number(ahead)}건` : '다음 차례'),
  retrying: (seconds) => `연결에 문제가 있습니다. ${retryIn(seconds)}`,
  busy: (seconds) => `서비스 사용량이 많습니다. ${retryIn(seconds)}`,
  imageAlt: (alt, n, total) => (total > 1 ? `${alt} (${number(n)}/${number(total)})` : alt),
  imageFailed: (n, total) =>
    total > 1 ? `이미지 ${number(n)}/${number(total)} 생성 실패` : '이미지 생성 실패',
  mediaFailed: '이미지를 불러올 수 없습니다',
  unsafeUrl: '이미지 주소가 안전하지 않아 거부되었습니다.',
  startFailed: '생성을 시작할 수 없습니다.',
  empty: '이미지 없이 작업이 끝났습니다.',
  ended: {
    failed: '생성에 실패했습니다.',
    cancelled: '생성이 취소되었습니다.',
    expired: '완료되기 전에 생성이 만료되었습니다.',
  },
  endedHint: '다시 시도하면 새 생성을 시작합니다.',
  errorHints: {
    unauthorized: '이 작업에 대한 접근이 거부되었습니다. 페이지를 새로고침하여 새 액세스 토큰을 받으세요.',
    'not-found': '이 작업을 찾을 수 없습니다. 새 생성을 시작하세요.',
    'invalid-task-id': '이 작업 ID가 올바르지 않습니다. 새 생성을 시작하세요.',
    timeout: '생성이 예상보다 오래 걸리고 있습니다. 계속 기다리려면 다시 시도하세요.',
    internal: '이 페이지에 문제가 발생했습니다. 페이지를 새로고침한 후 다시 시도하세요.',
    default: '연결을 확인한 후 다시 시도하세요.',
  },
  retry: '다시 시도',
  cancel: '취소',
  events: '작업 이벤트',
  download: (n, total) => (total > 1 ? `이미지 ${number(n)}/${number(total)} 다운로드` : '이미지 다운로드'),
  close: '닫기',
  previous: '이전',
  next: '다음',
};
