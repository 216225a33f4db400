// Indonesian: units in full ("3 menit"), as they are written in a sentence.
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, span, clock } = formats('id', 'long');
const retryIn = (seconds: number) => (seconds ? `Mencoba lagi dalam ${duration(seconds)}` : 'Mencoba lagi…');
const of = (n: number, total: number) => (total > 1 ? ` ${number(n)} dari ${number(total)}` : '');
const noun = { image: 'Gambar', video: 'Video' };

export const strings: Translation = {
  status: {
    idle: '',
    pending: 'Sedang membuat…',
    completed: 'Pembuatan selesai.',
    failed: 'Pembuatan gagal.',
    cancelled: 'Pembuatan dibatalkan.',
    expired: 'Pembuatan kedaluwarsa.',
    error: 'Tidak dapat memantau pembuatan.',
  },
  phases: {
    starting: 'Memulai',
    created: 'Diterima',
    queued: 'Dalam antrean',
    processing: 'Memproses',
    'fetching-results': 'Mengambil hasil',
    cancelling: 'Membatalkan',
  },
  progressLabel: 'Progres pembuatan',
  elapsed: clock,
  eta: (seconds) => `Sekitar ${duration(seconds)} lagi`,
  overrun: 'Butuh waktu lebih lama dari biasanya',
  queue: (ahead) =>
    ahead === undefined
      ? 'Menunggu'
      : ahead
        ? `${number(ahead)} tugas di depan Anda`
        : 'Giliran Anda berikutnya',
  retrying: (seconds) => `Masalah koneksi. ${retryIn(seconds)}`,
  busy: (seconds) => `Layanan sedang sibuk. ${retryIn(seconds)}`,
  generated: { image: 'Gambar yang dibuat', video: 'Video yang dibuat' },
  imageAlt: (alt, n, total) => `${alt}${of(n, total)}`,
  imageFailed: (n, total, kind) => `${noun[kind]}${of(n, total)} gagal dibuat`,
  loadFailed: (n, total, kind) => `${noun[kind]}${of(n, total)} tidak dapat dimuat`,
  unsafeUrl: 'Alamatnya ditolak karena tidak aman.',
  startFailed: 'Pembuatan tidak dapat dimulai.',
  empty: 'Tugas selesai tanpa gambar apa pun.',
  ended: {
    failed: 'Pembuatan gagal.',
    cancelled: 'Pembuatan telah dibatalkan.',
    expired: 'Pembuatan kedaluwarsa sebelum selesai.',
  },
  endedHint: 'Coba lagi untuk memulai pembuatan baru.',
  errors: {
    network: 'Server tidak dapat dijangkau.',
    http: (status) => `Server merespons dengan galat (HTTP ${status}).`,
    'invalid-response': 'Server mengirim respons yang tidak dapat dibaca.',
    timeout: (seconds) => `Tugas tidak selesai dalam ${span(seconds)}.`,
    'invalid-task-id': 'ID tugas tidak valid.',
    'cancel-failed': 'Pembuatan tidak dapat dibatalkan.',
    refunded: 'Tugas gagal dan dananya dikembalikan: Anda tidak dikenai biaya.',
  },
  errorHints: {
    unauthorized: 'Akses ke tugas ini ditolak. Muat ulang halaman untuk mendapatkan token akses baru.',
    'not-found': 'Tugas ini tidak ditemukan. Mulai pembuatan baru.',
    'invalid-task-id': 'ID tugas ini tidak valid. Mulai pembuatan baru.',
    timeout: 'Pembuatan memakan waktu lebih lama dari perkiraan. Coba lagi untuk terus menunggu.',
    internal: 'Terjadi masalah di halaman ini. Muat ulang halaman untuk mencoba lagi.',
    default: 'Periksa koneksi Anda, lalu coba lagi.',
  },
  retry: 'Coba lagi',
  cancel: 'Batal',
  events: 'Peristiwa tugas',
  download: (n, total, kind) => `Unduh ${noun[kind].toLowerCase()}${of(n, total)}`,
  close: 'Tutup',
  previous: 'Sebelumnya',
  next: 'Berikutnya',
  notifyButton: 'Beri tahu saya jika sudah selesai',
  notifyNote: 'Anda akan diberi tahu begitu selesai.',
  ready: { image: 'Gambar Anda sudah siap', video: 'Video Anda sudah siap' },
};
