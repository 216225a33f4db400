// Korean.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, span, clock } = formats('ko');
const retryIn = (seconds: number) =>
  seconds ? `${duration(seconds)} 후 다시 시도합니다` : '다시 시도하는 중…';
const of = (n: number, total: number) => (total > 1 ? ` ${number(n)}/${number(total)}` : '');
const noun = { image: '이미지', video: '동영상' };
/** The object particle after a noun: 를 after a vowel, 을 after a final consonant. */
const object = { image: '이미지를', video: '동영상을' };

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
    created: '접수됨',
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
  generated: { image: '생성된 이미지', video: '생성된 동영상' },
  imageAlt: (alt, n, total) => (total > 1 ? `${alt} (${number(n)}/${number(total)})` : alt),
  imageFailed: (n, total, kind) => `${noun[kind]}${of(n, total)} 생성 실패`,
  loadFailed: (n, total, kind) =>
    total > 1 ? `${noun[kind]}${of(n, total)} 불러오기 실패` : `${object[kind]} 불러올 수 없습니다`,
  unsafeUrl: '주소가 안전하지 않아 거부되었습니다.',
  startFailed: '생성을 시작할 수 없습니다.',
  empty: '이미지 없이 작업이 끝났습니다.',
  ended: {
    failed: '생성에 실패했습니다.',
    cancelled: '생성이 취소되었습니다.',
    expired: '완료되기 전에 생성이 만료되었습니다.',
  },
  endedHint: '다시 시도하면 새 생성을 시작합니다.',
  errors: {
    network: '서버에 연결할 수 없습니다.',
    http: (status) => `서버가 오류로 응답했습니다(HTTP ${status}).`,
    'invalid-response': '서버 응답을 읽을 수 없습니다.',
    timeout: (seconds) => `작업이 ${span(seconds)} 안에 끝나지 않았습니다.`,
    'invalid-task-id': '작업 ID가 올바르지 않습니다.',
    'cancel-failed': '생성을 취소할 수 없습니다.',
    refunded: '작업이 실패하여 환불되었습니다. 요금은 청구되지 않았습니다.',
  },
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
  download: (n, total, kind) => `${noun[kind]}${of(n, total)} 다운로드`,
  close: '닫기',
  previous: '이전',
  next: '다음',
  notifyButton: '완료되면 알림 받기',
  notifyNote: '완료되면 알려 드립니다.',
  ready: { image: '이미지가 준비되었습니다', video: '동영상이 준비되었습니다' },
};
