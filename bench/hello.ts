import http from 'node:http';

// The bare baseline: the fastest a Node HTTP server answers on this machine, measured in the same run.
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"hello":"world"}');
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
