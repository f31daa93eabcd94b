const { configure } = require('@testing-library/react');

// Taro's web components draw their inner <input> asynchronously (Stencil); on a loaded CI machine with
// several test workers that can take longer than Testing Library's 1 s default, and waitFor gave up
// on a page that was merely slow, not wrong.
configure({ asyncUtilTimeout: 5000 });
