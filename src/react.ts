// The React wrapper: <TaskProgress onTaskComplete={…} taskId={…} />, for React 18 and 19. It sets
// properties (not attributes) and maps each DOM event to a typed `on…` prop. Importing it registers
// the element. React 19 can also use <task-progress> directly: see `task-progress/react-jsx`.
import { type EventName, createComponent } from '@lit/react';
import * as React from 'react';
import './define.js';
import { type TaskProgressEventMap, taskEventTypes } from './events.js';
import { TaskProgress as TaskProgressElement } from './task-progress.js';

/** `task-state-change` → `TaskStateChange`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Rest}`
  ? `${Capitalize<Head>}${Pascal<Rest>}`
  : Capitalize<S>;

/** An `on…` prop for each event the element fires: `onTaskComplete` for `task-complete`. */
type EventProps = {
  [K in keyof TaskProgressEventMap as `on${Pascal<K>}`]: EventName<TaskProgressEventMap[K]>;
};

const events = Object.fromEntries(
  taskEventTypes.map((type) => [
    `on${type.replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase())}`,
    type,
  ]),
) as EventProps;

const component = createComponent({
  tagName: 'task-progress',
  elementClass: TaskProgressElement,
  react: React,
  displayName: 'TaskProgress',
  events,
});

/** The read-only properties, which a prop could not set: typed `never`, so that setting one is a type error. */
type ReadOnlyProps = { state?: never; images?: never; error?: never };

export const TaskProgress = component as React.ForwardRefExoticComponent<
  Omit<React.ComponentPropsWithRef<typeof component>, keyof ReadOnlyProps> & ReadOnlyProps
>;
