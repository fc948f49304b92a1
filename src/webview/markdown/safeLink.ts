// The only link targets model output may carry, enforced by the renderer, the preview and the sanitizer alike.
export const SAFE_LINK = /^(https?:|mailto:|#)/i;
