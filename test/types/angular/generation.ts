// Angular: the guide's standalone component. `CUSTOM_ELEMENTS_SCHEMA` lets the tag and its property
// bindings through unchecked; with `strictTemplates`, `$event` of `(task-complete)` is typed from
// `HTMLElementTagNameMap`, so `onComplete` must accept what the element dispatches.
import { Component, CUSTOM_ELEMENTS_SCHEMA, input, signal } from '@angular/core';
import type { TaskCompleteEvent } from 'task-progress';
import 'task-progress/define';

@Component({
  selector: 'app-generation',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <task-progress
      [attr.task-id]="taskId()"
      [publicAccessToken]="publicAccessToken()"
      (task-complete)="onComplete($event)"
    ></task-progress>
    @if (urls(); as shown) {
      <p>complete: {{ shown.length }} images</p>
    }
  `,
})
export class Generation {
  readonly taskId = input.required<string>();
  readonly publicAccessToken = input.required<string>();
  protected readonly urls = signal<string[] | undefined>(undefined);

  protected onComplete(event: TaskCompleteEvent) {
    this.urls.set(event.detail.urls);
  }
}
