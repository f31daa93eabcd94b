const { configure } = require('@testing-library/react');
const { drawStencilOn } = require('../support/drawn');

// Every wait in these tests ends the moment what it waits for is true: a Taro component drawn
// (support/drawn.ts), rows on the page, a call made. This is only the bound after which a wait
// gives up and fails, naming what never became ready, so that a broken page still fails. It never
// lengthens a passing run, so it is sized for a starved machine (two cores, several test workers and
// a CPU burner beside them), far above any real wait, and below jest.config.js's testTimeout.
configure({ asyncUtilTimeout: 30_000 });

drawStencilOn();
