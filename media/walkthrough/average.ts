// A sample for the Phi-4 walkthrough: average() has a small bug. Select the function, then try
// Explain (Shift+Alt+E), Fix (Shift+Alt+X) and Edit (Shift+Alt+K). This is a copy: change it freely.
export function average(values: number[]): number {
  let total = 0;
  for (let i = 0; i <= values.length; i++) {
    total += values[i];
  }
  return total / values.length;
}
