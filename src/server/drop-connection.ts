/**
 * Thrown by a fetch handler that wants its connection cut with no answer at all, as a crashed or
 * unreachable upstream would. The Node adapter destroys the socket; edge runtimes reset the request.
 */
export class DropConnection extends Error {
  constructor() {
    super('connection dropped on purpose');
    this.name = 'DropConnection';
  }
}
