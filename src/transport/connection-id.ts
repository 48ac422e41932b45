/** A small integer per accepted socket, so queries can be tied to the connection they came on. */
import type { Socket } from 'node:net';

const ids = new WeakMap<object, number>();
let next = 1;

export function connectionIdOf(socket: Socket | object): number {
  let id = ids.get(socket);
  if (id === undefined) {
    id = next++;
    ids.set(socket, id);
  }
  return id;
}
