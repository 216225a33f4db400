// An adapter for an API the element does not speak, written as a page's author would: a diffusion
// server's job route, `GET /diffusion/jobs/:id` →
// `{ state: 'queued' | 'running' | 'done', queue_position?, progress?, preview_url?, images? }`.
// The element keeps its pacing, retries, UI and events; the adapter only maps the job to a snapshot.
import type { SucceededImage, TaskAdapter } from '../src/index.js';

interface Job {
  state: 'queued' | 'running' | 'done';
  queue_position?: number;
  progress?: number;
  preview_url?: string;
  images?: string[];
}

const image = (url: string, index: number): SucceededImage => ({
  status: 'succeeded',
  id: String(index),
  url,
  kind: 'image',
});

export const diffusionAdapter: TaskAdapter = {
  async getStatus({ taskId, token, baseUrl, signal }) {
    const response = await fetch(`${baseUrl}/diffusion/jobs/${encodeURIComponent(taskId)}`, {
      headers: { Authorization: `Bearer ${token}` },
      signal,
    });
    if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
    const job = (await response.json()) as Job;
    if (job.state === 'done')
      return { state: 'completed', status: job.state, images: (job.images ?? []).map(image) };
    // Passed on as they come: the element ignores a position, progress or preview that is missing
    // or malformed, and checks a preview's URL as it checks the results'.
    return {
      state: 'pending',
      status: job.state,
      phase: job.state === 'queued' ? 'queued' : 'processing',
      queuePosition: job.queue_position,
      progress: job.progress,
      previews: job.preview_url ? [image(job.preview_url, 0)] : undefined,
    };
  },
};
