// Portuguese (Brazil's, read in Portugal too).
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, plural, count, duration, span, clock } = formats('pt');
const retryIn = (seconds: number) =>
  seconds ? `Nova tentativa em ${duration(seconds)}` : 'Tentando novamente…';
const of = (n: number, total: number) => (total > 1 ? ` ${number(n)} de ${number(total)}` : '');
const the = { image: 'a imagem', video: 'o vídeo' };

export const strings: Translation = {
  status: {
    idle: '',
    pending: 'Gerando…',
    completed: 'Geração concluída.',
    failed: 'Falha na geração.',
    cancelled: 'Geração cancelada.',
    expired: 'Geração expirada.',
    error: 'Não foi possível acompanhar a geração.',
  },
  phases: {
    starting: 'Iniciando',
    created: 'Recebida',
    queued: 'Na fila',
    processing: 'Processando',
    'fetching-results': 'Obtendo resultados',
    cancelling: 'Cancelando',
  },
  progressLabel: 'Progresso da geração',
  elapsed: clock,
  eta: (seconds) =>
    plural(count(seconds), {
      one: `Falta cerca de ${duration(seconds)}`,
      other: `Faltam cerca de ${duration(seconds)}`,
    }),
  overrun: 'Demorando mais que o normal',
  queue: (ahead) =>
    ahead === undefined ? 'Aguardando' : ahead ? `${number(ahead)} à sua frente` : 'A sua é a próxima',
  retrying: (seconds) => `Problema de conexão. ${retryIn(seconds)}`,
  busy: (seconds) => `O serviço está ocupado. ${retryIn(seconds)}`,
  generated: { image: 'Imagem gerada', video: 'Vídeo gerado' },
  imageAlt: (alt, n, total) => `${alt}${of(n, total)}`,
  imageFailed: (n, total, kind) => `Falha ${kind === 'image' ? 'na imagem' : 'no vídeo'}${of(n, total)}`,
  loadFailed: (n, total, kind) => `Não foi possível carregar ${the[kind]}${of(n, total)}`,
  unsafeUrl: 'O endereço foi recusado por não ser seguro.',
  startFailed: 'Não foi possível iniciar a geração.',
  empty: 'A tarefa terminou sem nenhuma imagem.',
  ended: {
    failed: 'A geração falhou.',
    cancelled: 'A geração foi cancelada.',
    expired: 'A geração expirou antes de terminar.',
  },
  endedHint: 'Tente novamente para iniciar uma nova geração.',
  errors: {
    network: 'Não foi possível acessar o servidor.',
    http: (status) => `O servidor respondeu com um erro (HTTP ${status}).`,
    'invalid-response': 'O servidor enviou uma resposta que não pôde ser lida.',
    timeout: (seconds) => `A tarefa não terminou em ${span(seconds)}.`,
    'invalid-task-id': 'O ID da tarefa não é válido.',
    'cancel-failed': 'Não foi possível cancelar a geração.',
    refunded: 'A tarefa falhou e foi reembolsada: nada foi cobrado.',
  },
  errorHints: {
    unauthorized:
      'O acesso a esta tarefa foi recusado. Recarregue a página para obter um novo token de acesso.',
    'not-found': 'Esta tarefa não foi encontrada. Inicie uma nova geração.',
    'invalid-task-id': 'O ID desta tarefa não é válido. Inicie uma nova geração.',
    timeout: 'A geração está demorando mais que o esperado. Tente novamente para continuar aguardando.',
    internal: 'Algo deu errado nesta página. Recarregue a página para tentar novamente.',
    default: 'Verifique sua conexão e tente novamente.',
  },
  retry: 'Tentar novamente',
  cancel: 'Cancelar',
  events: 'Eventos da tarefa',
  download: (n, total, kind) => `Baixar ${the[kind]}${of(n, total)}`,
  close: 'Fechar',
  previous: 'Anterior',
  next: 'Próximo',
  notifyButton: 'Avise-me quando terminar',
  notifyNote: 'Você será avisado quando terminar.',
  ready: { image: 'Suas imagens estão prontas', video: 'Seu vídeo está pronto' },
};
