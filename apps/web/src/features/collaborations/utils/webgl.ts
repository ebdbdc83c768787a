/** Whether this browser can give sigma a WebGL 2 context (a headless browser without a GPU may not). */
export function webgl2Available(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return canvas.getContext('webgl2') !== null;
  } catch {
    return false;
  }
}
