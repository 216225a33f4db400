// Vietnamese.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, span, clock } = formats('vi');
const retryIn = (seconds: number) => (seconds ? `Thử lại sau ${duration(seconds)}` : 'Đang thử lại…');
const of = (n: number, total: number) => (total > 1 ? ` ${number(n)}/${number(total)}` : '');
const noun = { image: 'hình ảnh', video: 'video' };

export const strings: Translation = {
  status: {
    idle: '',
    pending: 'Đang tạo…',
    completed: 'Đã tạo xong.',
    failed: 'Tạo không thành công.',
    cancelled: 'Đã hủy tạo.',
    expired: 'Quá trình tạo đã hết hạn.',
    error: 'Không thể theo dõi quá trình tạo.',
  },
  phases: {
    starting: 'Đang bắt đầu',
    created: 'Đã tiếp nhận',
    queued: 'Đang xếp hàng',
    processing: 'Đang xử lý',
    'fetching-results': 'Đang lấy kết quả',
    cancelling: 'Đang hủy',
  },
  progressLabel: 'Tiến trình tạo',
  elapsed: clock,
  eta: (seconds) => `Còn khoảng ${duration(seconds)}`,
  overrun: 'Lâu hơn bình thường',
  queue: (ahead) =>
    ahead === undefined ? 'Đang chờ' : ahead ? `Còn ${number(ahead)} yêu cầu trước bạn` : 'Sắp đến lượt bạn',
  retrying: (seconds) => `Sự cố kết nối. ${retryIn(seconds)}`,
  busy: (seconds) => `Dịch vụ đang bận. ${retryIn(seconds)}`,
  generated: { image: 'Hình ảnh được tạo', video: 'Video được tạo' },
  imageAlt: (alt, n, total) => `${alt}${of(n, total)}`,
  imageFailed: (n, total, kind) => `Không tạo được ${noun[kind]}${of(n, total)}`,
  loadFailed: (n, total, kind) => `Không tải được ${noun[kind]}${of(n, total)}`,
  unsafeUrl: 'Địa chỉ đã bị từ chối vì không an toàn.',
  startFailed: 'Không thể bắt đầu tạo.',
  empty: 'Tác vụ đã kết thúc mà không có hình ảnh nào.',
  ended: {
    failed: 'Quá trình tạo không thành công.',
    cancelled: 'Quá trình tạo đã bị hủy.',
    expired: 'Quá trình tạo đã hết hạn trước khi hoàn tất.',
  },
  endedHint: 'Hãy thử lại để bắt đầu lượt tạo mới.',
  errors: {
    network: 'Không thể kết nối với máy chủ.',
    http: (status) => `Máy chủ phản hồi bằng lỗi (HTTP ${status}).`,
    'invalid-response': 'Máy chủ đã gửi phản hồi không đọc được.',
    timeout: (seconds) => `Tác vụ không hoàn tất trong vòng ${span(seconds)}.`,
    'invalid-task-id': 'ID tác vụ không hợp lệ.',
    'cancel-failed': 'Không thể hủy quá trình tạo.',
    refunded: 'Tác vụ không thành công và đã được hoàn tiền: bạn không bị tính phí.',
  },
  errorHints: {
    unauthorized: 'Quyền truy cập tác vụ này bị từ chối. Hãy tải lại trang để nhận mã truy cập mới.',
    'not-found': 'Không tìm thấy tác vụ này. Hãy bắt đầu lượt tạo mới.',
    'invalid-task-id': 'ID của tác vụ này không hợp lệ. Hãy bắt đầu lượt tạo mới.',
    timeout: 'Quá trình tạo lâu hơn dự kiến. Hãy thử lại để tiếp tục chờ.',
    internal: 'Đã xảy ra sự cố trên trang này. Hãy tải lại trang để thử lại.',
    default: 'Hãy kiểm tra kết nối rồi thử lại.',
  },
  retry: 'Thử lại',
  cancel: 'Hủy',
  events: 'Sự kiện của tác vụ',
  download: (n, total, kind) => `Tải xuống ${noun[kind]}${of(n, total)}`,
  close: 'Đóng',
  previous: 'Trước',
  next: 'Tiếp',
  notifyButton: 'Thông báo cho tôi khi xong',
  notifyNote: 'Bạn sẽ nhận được thông báo khi xong.',
  ready: { image: 'Hình ảnh của bạn đã sẵn sàng', video: 'Video của bạn đã sẵn sàng' },
};
