"""A file server for the tests of `wgan data fetch` (tests/cli/data_fetch_test.cpp), on
127.0.0.1 only: serves DIR with HTTP Range requests (206), and with --cut-after N it sends the
first full-file answer's headers and then only N bytes of the body before closing the
connection, as a network that drops. Writes its port to PORT_FILE once it listens.

  file_server.py DIR PORT_FILE [--cut-after N]
"""
import http.server
import os
import re
import sys


class Handler(http.server.BaseHTTPRequestHandler):
    cut_after = None

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = os.path.join(self.server.root, os.path.basename(self.path))
        if not os.path.isfile(path):
            self.send_error(404)
            return
        data = open(path, "rb").read()
        match = re.match(r"bytes=(\d+)-$", self.headers.get("Range", ""))
        start = int(match.group(1)) if match else 0
        if start >= len(data) and match:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{len(data)}")
            self.end_headers()
            return
        self.send_response(206 if match else 200)
        if match:
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        self.send_header("Content-Length", str(len(data) - start))
        self.end_headers()
        body = data[start:]
        if Handler.cut_after is not None and not match:
            self.wfile.write(body[: Handler.cut_after])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(body)


def main():
    root, port_file = sys.argv[1], sys.argv[2]
    if "--cut-after" in sys.argv:
        Handler.cut_after = int(sys.argv[sys.argv.index("--cut-after") + 1])
    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    server.root = root
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.server_port))
    os.rename(port_file + ".tmp", port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
