/** @jsxImportSource solid-js */
// Solid: `task-progress/solid` adds the tag to Solid's JSX: properties by their attributes' names,
// `attr:` and `prop:`, `on:` events.
import type {} from 'task-progress/solid';

export function Usage(props: { taskId: string; token: string; show: (urls: string[]) => void }) {
  return (
    <>
      <task-progress
        task-id={props.taskId}
        public-access-token={props.token}
        poll-interval={300}
        prop:tokenProvider={() => Promise.resolve(props.token)}
        attr:form="generate"
        ref={(element) => element.refresh()}
        on:task-complete={(event) => props.show(event.detail.urls)}
      />
      {/* @ts-expect-error: an attribute has its property's type */}
      <task-progress poll-interval={true} />
      {/* @ts-expect-error: `state` is read-only */}
      <task-progress state="failed" />
    </>
  );
}
