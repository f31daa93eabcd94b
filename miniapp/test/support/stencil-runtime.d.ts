/** The two parts of Stencil's runtime (@stencil/core 2.22, internal/client) the tests rely on. */

export interface StencilHostRef {
  /** HOST_FLAGS: 64 (hasLoadedComponent) once the first render and componentDidLoad are done. */
  $flags$: number;
}

/** A host's own record, kept by the runtime for every Stencil element; undefined for any other. */
export function getHostRef(element: Element): StencilHostRef | undefined;

/** Replaces the runtime's platform helpers; raf is what it schedules its draws with. */
export function setPlatformHelpers(helpers: { raf?: (callback: FrameRequestCallback) => void }): void;
