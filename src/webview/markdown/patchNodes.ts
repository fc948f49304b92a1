// Brings live DOM nodes in line with freshly built ones by changing only what differs. Redrawing the
// block being written then costs the browser one changed text node or one new element per frame instead
// of a rebuilt subtree (style, layout and paint of everything in it), and a selection inside the block
// survives the redraw.

export interface Patched {
  /** The nodes now in the DOM, in place of `next`. */
  readonly nodes: Node[];
  /** The live node standing for `track` (a node of `next`), which may be an older node that was kept. */
  readonly tracked: Node | undefined;
}

/**
 * Makes `live` (consecutive children of `parent`, followed by `before`) look exactly like `next`,
 * reusing live nodes of the same kind and attributes and updating changed text in place.
 */
export function patchNodes(parent: Node, live: readonly Node[], next: readonly Node[], before: Node | null, track?: Node): Patched {
  const state = { track, tracked: undefined as Node | undefined };
  const nodes: Node[] = [];
  for (let i = 0; i < next.length; i++) {
    if (i < live.length) nodes.push(patch(live[i], next[i], state));
    else {
      parent.insertBefore(next[i], before);
      nodes.push(next[i]);
    }
  }
  for (let i = next.length; i < live.length; i++) live[i].parentNode?.removeChild(live[i]);
  // Unless an older node took its place, `track` itself went in, with the new node holding it.
  return { nodes, tracked: state.tracked ?? track };
}

const ELEMENT = 1;
const TEXT = 3;

function patch(live: Node, next: Node, state: { track: Node | undefined; tracked: Node | undefined }): Node {
  if (live.nodeType === TEXT && next.nodeType === TEXT) {
    const text = live as Text;
    const data = (next as Text).data;
    if (text.data !== data) text.data = data;
    if (next === state.track) state.tracked = live;
    return live;
  }
  // Most of the block is unchanged; the browser compares whole subtrees far faster than a walk here.
  if (next !== state.track && !(state.track && next.contains(state.track)) && live.isEqualNode(next)) return live;
  if (live.nodeType === ELEMENT && next.nodeType === ELEMENT && sameAttributes(live as Element, next as Element)) {
    const liveChildren = Array.from(live.childNodes);
    const nextChildren = Array.from(next.childNodes);
    for (let i = 0; i < nextChildren.length; i++) {
      if (i < liveChildren.length) patch(liveChildren[i], nextChildren[i], state);
      else live.appendChild(nextChildren[i]);
    }
    for (let i = nextChildren.length; i < liveChildren.length; i++) live.removeChild(liveChildren[i]);
    return live;
  }
  live.parentNode?.replaceChild(next, live);
  return next;
}

function sameAttributes(a: Element, b: Element): boolean {
  if (a.tagName !== b.tagName || a.attributes.length !== b.attributes.length) return false;
  for (const attr of Array.from(b.attributes)) {
    if (a.getAttribute(attr.name) !== attr.value) return false;
  }
  return true;
}
