// Portuguese (Brazilian, understood in every Portuguese-speaking region).
import type { Translation } from '../strings.js';
import { formats } from './format.js';

const { number, duration, clock } = formats('pt');
const retryIn = (seconds: number) =>
  seconds ? `Nova tentativa em ${duration(seconds)}` : 'Tentando novamente…';

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
    created: 'Criada',
    queued: 'Na fila',
    processing: 'Processando',
    'fetching-results': 'Obtendo resultados',
    cancelling: 'Cancelando',
  },
  progressLabel: 'Progresso da geração',
  elapsed: clock,
  eta: (seconds) => `Faltam cerca de ${duration(seconds)}`,
  overrun: 'Demorando mais que o normal',
  queue: (ahead) =>
    ahead === undefined ? 'Aguardando' : ahead ? `${number(ahead)} à sua frente` : 'Você é o próximo',
  retrying: (seconds) => `Problema de conexão. ${retryIn(seconds)}`,
  busy: (seconds) => `O serviço está ocupado. ${retryIn(seconds)}`,
  imageAlt: (alt, n, total) => (total > 1 ? `${alt} ${number(n)} de ${number(total)}` : alt),
  imageFailed: (n, total) =>
    total > 1 ? `Falha na imagem ${number(n)} de ${number(total)}` : 'Falha na imagem',
  mediaFailed: 'Não foi possível carregar a imagem',
  unsafeUrl: 'O endereço da imagem foi recusado por não ser seguro.',
  startFailed: 'Não foi possível iniciar a geração.',
  empty: 'A tarefa terminou sem nenhuma imagem.',
  ended: {
    failed: 'A geração falhou.',
    cancelled: 'A geração foi cancelada.',
    expired: 'A geração expirou antes de terminar.',
  },
  endedHint: 'Tente novamente para iniciar uma nova geração.',
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
  download: (n, total) => (total > 1 ? `Baixar imagem ${number(n)} de ${number(total)}` : 'Baixar imagem'),
  close: 'Fechar',
  previous: 'Anterior',
  next: 'Próxima',
};
