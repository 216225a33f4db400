// The React wrapper: <TaskProgress onTaskComplete={…} taskId={…} />, for React 18 and 19. It sets
// properties (not attributes) and maps each DOM event to a typed `on…` prop. Importing it registers
// the element. React 19 can also use <task-progress> directly: see `task-progress/react-jsx`.
import { type EventName, createComponent } from '@lit/react';
import * as React from 'react';
import './define.js';
import type {
  TaskCancelEvent,
  TaskCompleteEvent,
  TaskDownloadEvent,
  TaskErrorEvent,
  TaskEventEvent,
  TaskFailedEvent,
  TaskImageClickEvent,
  TaskRetryEvent,
  TaskStartEvent,
  TaskStateChangeEvent,
} from './events.js';
import { TaskProgress as TaskProgressElement } from './task-progress.js';

const component = createComponent({
  tagName: 'task-progress',
  elementClass: TaskProgressElement,
  react: React,
  displayName: 'TaskProgress',
  events: {
    onTaskStateChange: 'task-state-change' as EventName<TaskStateChangeEvent>,
    onTaskComplete: 'task-complete' as EventName<TaskCompleteEvent>,
    onTaskFailed: 'task-failed' as EventName<TaskFailedEvent>,
    onTaskError: 'task-error' as EventName<TaskErrorEvent>,
    onTaskRetry: 'task-retry' as EventName<TaskRetryEvent>,
    onTaskCancel: 'task-cancel' as EventName<TaskCancelEvent>,
    onTaskImageClick: 'task-image-click' as EventName<TaskImageClickEvent>,
    onTaskEvent: 'task-event' as EventName<TaskEventEvent>,
    onTaskStart: 'task-start' as EventName<TaskStartEvent>,
    onTaskDownload: 'task-download' as EventName<TaskDownloadEvent>,
  },
});

/** The read-only properties, which a prop could not set: typed `never`, so that setting one is a type error. */
type ReadOnlyProps = { state?: never; images?: never; error?: never };

export const TaskProgress = component as React.ForwardRefExoticComponent<
  Omit<React.ComponentPropsWithRef<typeof component>, keyof ReadOnlyProps> & ReadOnlyProps
>;
