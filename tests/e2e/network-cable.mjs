// A network cable between the browser and the server that a test can pull
// out: a TCP proxy on loopback. Unplugged, it drops every open connection and
// closes each new one at once, as a kiosk's dead network does.
//
// Chromium's offline emulation (`context.setOffline`) sets navigator.onLine
// and fires `online`, which the survey listens to, but it does not cover
// every path a request can take once a service worker controls the page,
// and neither does `context.route`. The offline test uses both: emulation
// for what the page sees, the cable for what actually gets through.
import net from 'node:net';

/**
 * Starts a proxy to `target` (an http://host:port URL). Returns
 * { url, unplug(), plugIn(), refusedWhileUnplugged(), close() }; `url` is the
 * target's URL through the cable.
 */
export async function networkCable(target) {
  const upstream = new URL(target);
  const open = new Set();
  let plugged = true;
  const refused = [];

  const proxy = net.createServer((client) => {
    if (!plugged) {
      // Read the request line for the record, then cut the connection.
      const cut = () => client.destroyed || client.resetAndDestroy();
      client.once('data', (chunk) => {
        refused.push(chunk.toString('latin1').split('\r\n', 1)[0]);
        cut();
      });
      client.on('error', () => {});
      setTimeout(cut, 1000);
      return;
    }
    const server = net.connect(Number(upstream.port), upstream.hostname);
    const pair = [client, server];
    for (const socket of pair) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => pair.forEach((s) => s.destroy()));
    }
    client.pipe(server);
    server.pipe(client);
  });
  await new Promise((ok, fail) => {
    proxy.once('error', fail);
    proxy.listen(0, '127.0.0.1', ok);
  });

  return {
    url: `http://127.0.0.1:${proxy.address().port}`,
    unplug() {
      plugged = false;
      for (const socket of open) socket.destroy();
    },
    plugIn() {
      plugged = true;
    },
    /** The request lines the browser sent while the cable was out. */
    refusedWhileUnplugged: () => [...refused],
    close: () => new Promise((ok) => {
      for (const socket of open) socket.destroy();
      proxy.close(() => ok());
    }),
  };
}
