"""aiohttp for kairos: a SIMULATED network. Nothing leaves the machine; every
request takes virtual time and gets a deterministic response.

Timing: a request takes 0.1 s of virtual time (`LATENCY`), plus N s for an
httpbin-style `/delay/N` path. The time passes when the request is made
(`await session.get(url)` or entering `async with session.get(url)`); reading
the body (`text()`, `read()`, `json()`) takes no time. A ClientTimeout whose
`total` is shorter raises asyncio.TimeoutError after `total` seconds.
A session's TCPConnector(limit=N) (default 100) bounds concurrent requests.

Responses:
* status 200 'OK', except an httpbin-style `/status/CODE` path, which answers CODE;
* `resp.url` is the requested URL (with `params` appended as a query string);
* "API" URLs (host starting with `api.`, path starting with `/api`, or an
  httpbin path such as /get /post /json /anything) answer JSON: `text()` is
  the JSON text of the dict that `json()` returns;
* any other URL answers this HTML page (`text()`), with URL substituted:

      <!doctype html>
      <html>
      <head>
          <title>Simulated page for URL</title>
      </head>
      <body>
          <h1>Simulated page for URL</h1>
          <p>This response was simulated by kairos; no network was used.</p>
      </body>
      </html>

* `json()` always returns a new dict:
  {'url': URL, 'method': METHOD, 'status': STATUS, 'simulated': True}
  plus 'args' (the query parameters, if any), 'json' (the `json=` payload, if
  any) and 'data' (the `data=` payload, if any).
"""

import asyncio

LATENCY = 0.1

_REASONS = {
    200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently',
    302: 'Found', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized',
    403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout',
    418: "I'm a Teapot", 429: 'Too Many Requests', 500: 'Internal Server Error',
    502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
}

_HTTPBIN_JSON_PATHS = ('/get', '/post', '/put', '/patch', '/delete', '/anything', '/json',
                       '/headers', '/ip', '/uuid', '/user-agent')


class ClientError(Exception):
    """Base class of aiohttp's client errors."""
    __module__ = 'aiohttp.client_exceptions'


class ClientConnectionError(ClientError):
    __module__ = 'aiohttp.client_exceptions'


class InvalidURL(ClientError, ValueError):
    __module__ = 'aiohttp.client_exceptions'


class ClientResponseError(ClientError):
    """raise_for_status() raises this for a status of 400 or more."""
    __module__ = 'aiohttp.client_exceptions'

    def __init__(self, request_info, history, *, status=None, message='', headers=None):
        super().__init__(request_info, history)
        self.request_info = request_info
        self.history = history
        self.status = status if status is not None else 0
        self.message = message
        self.headers = headers

    def __str__(self):
        return f'{self.status}, message={self.message!r}, url={self.request_info.real_url!r}'

    def __repr__(self):
        return f'ClientResponseError({self.request_info!r}, {self.history!r})'


class URL:
    """The requested URL (prints as the URL string, like yarl.URL)."""
    __module__ = 'yarl'

    def __init__(self, text):
        self._text = text
        scheme, sep, rest = text.partition('://')
        self.scheme = scheme if sep else ''
        host_and_path = rest if sep else text
        slash = host_and_path.find('/')
        self.host = host_and_path if slash < 0 else host_and_path[:slash]
        path_and_query = '/' if slash < 0 else host_and_path[slash:]
        self.path, _, self.query_string = path_and_query.partition('?')

    def __str__(self):
        return self._text

    def __repr__(self):
        return f'URL({self._text!r})'

    def __eq__(self, other):
        return isinstance(other, URL) and other._text == self._text

    def __hash__(self):
        return hash(self._text)


class RequestInfo:
    """What was requested (url, method, headers, real_url)."""
    __module__ = 'aiohttp.client_reqrep'

    def __init__(self, url, method, headers):
        self.url = url
        self.method = method
        self.headers = headers
        self.real_url = url

    def __repr__(self):
        return (f'RequestInfo(url={self.url!r}, method={self.method!r}, '
                f'headers={self.headers!r}, real_url={self.real_url!r})')


class ClientTimeout:
    """Timeouts in seconds; only `total` has an effect in the simulation."""
    __module__ = 'aiohttp.client'

    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None,
                 ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect
        self.ceil_threshold = ceil_threshold

    def __repr__(self):
        return (f'ClientTimeout(total={self.total!r}, connect={self.connect!r}, '
                f'sock_read={self.sock_read!r}, sock_connect={self.sock_connect!r}, '
                f'ceil_threshold={self.ceil_threshold!r})')


class TCPConnector:
    """Connection pool settings; `limit` bounds simultaneous requests (0: no bound)."""
    __module__ = 'aiohttp.connector'

    def __init__(self, *, limit=100, limit_per_host=0, ssl=None, **kwargs):
        self.limit = limit
        self.limit_per_host = limit_per_host
        self._active = 0
        self._waiters = []

    def _acquire(self):
        """Generator: wait for a free connection slot."""
        while self.limit and self._active >= self.limit:
            fut = asyncio.get_running_loop().create_future()
            fut._kairos_awaiting = 'a free connection (TCPConnector limit)'
            self._waiters.append(fut)
            try:
                yield from fut.__await__()
            finally:
                self._waiters.remove(fut)
        self._active += 1

    def _release(self):
        self._active -= 1
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(None)
                break


def _query_string(params):
    if isinstance(params, dict):
        items = list(params.items())
    else:
        items = list(params)
    return '&'.join(f'{_quote(str(k))}={_quote(str(v))}' for k, v in items)


def _quote(text):
    safe = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~'
    out = []
    for ch in text:
        if ch in safe:
            out.append(ch)
        else:
            for byte in ch.encode('utf-8'):
                out.append('%' + '0123456789ABCDEF'[byte >> 4] + '0123456789ABCDEF'[byte & 15])
    return ''.join(out)


def _json_text(value):
    """JSON text as json.dumps(value) writes it (default separators, ASCII only)."""
    if value is None:
        return 'null'
    if value is True:
        return 'true'
    if value is False:
        return 'false'
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        out = ['"']
        for ch in value:
            code = ord(ch)
            if ch == '"':
                out.append('\\"')
            elif ch == '\\':
                out.append('\\\\')
            elif ch == '\n':
                out.append('\\n')
            elif ch == '\r':
                out.append('\\r')
            elif ch == '\t':
                out.append('\\t')
            elif code < 0x20 or code > 0x7e:
                if code > 0xffff:
                    code -= 0x10000
                    out.append('\\u%04x\\u%04x' % (0xd800 + (code >> 10), 0xdc00 + (code & 0x3ff)))
                else:
                    out.append('\\u%04x' % code)
            else:
                out.append(ch)
        out.append('"')
        return ''.join(out)
    if isinstance(value, dict):
        return '{' + ', '.join(_json_text(str(k)) + ': ' + _json_text(v)
                               for k, v in value.items()) + '}'
    if isinstance(value, (list, tuple)):
        return '[' + ', '.join(_json_text(v) for v in value) + ']'
    raise TypeError(f'Object of type {type(value).__name__} is not JSON serializable')


def _html_page(url):
    return ('<!doctype html>\n<html>\n<head>\n'
            f'    <title>Simulated page for {url}</title>\n'
            '</head>\n<body>\n'
            f'    <h1>Simulated page for {url}</h1>\n'
            '    <p>This response was simulated by kairos; no network was used.</p>\n'
            '</body>\n</html>\n')


def _is_api(url):
    return (url.host.startswith('api.') or url.path.startswith('/api')
            or url.path in _HTTPBIN_JSON_PATHS or url.path.startswith('/anything'))


def _path_number(path, prefix):
    """N for a path `prefix/N` (httpbin's /status/N and /delay/N), else None."""
    if not path.startswith(prefix):
        return None
    rest = path[len(prefix):].strip('/')
    try:
        return float(rest) if '.' in rest else int(rest)
    except ValueError:
        return None


class ClientResponse:
    """A simulated response: status, reason, url, headers, text(), json(), read()."""
    __module__ = 'aiohttp.client_reqrep'

    def __init__(self, method, url, json_payload, data, params):
        self.method = method
        self.url = url
        self.real_url = url
        code = _path_number(url.path, '/status/')
        self.status = code if isinstance(code, int) else 200
        self.reason = _REASONS.get(self.status, 'Unknown')
        self._json = {'url': str(url), 'method': method, 'status': self.status,
                      'simulated': True}
        if params:
            self._json['args'] = dict(params) if isinstance(params, dict) else dict(list(params))
        if json_payload is not None:
            self._json['json'] = json_payload
        if data is not None:
            self._json['data'] = data
        if _is_api(url):
            self.content_type = 'application/json'
            self._text = _json_text(self._json)
        else:
            self.content_type = 'text/html'
            self._text = _html_page(url)
        self.charset = 'utf-8'
        self.headers = {'Content-Type': f'{self.content_type}; charset=utf-8',
                        'Content-Length': str(len(self._text.encode('utf-8'))),
                        'Server': 'kairos-simulated'}
        self.request_info = RequestInfo(url, method, {})
        self.history = ()
        self.closed = False

    def __repr__(self):
        return f'<ClientResponse({self.url}) [{self.status} {self.reason}]>'

    @property
    def ok(self):
        return self.status < 400

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.request_info, self.history, status=self.status,
                                      message=self.reason, headers=self.headers)

    async def text(self, encoding=None, errors='strict'):
        return self._text

    async def read(self):
        return self._text.encode('utf-8')

    async def json(self, *, encoding=None, loads=None, content_type='application/json'):
        return dict(self._json)

    def release(self):
        self.closed = True

    def close(self):
        self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class _RequestContextManager:
    """What session.get() returns: await it, or use it with `async with`."""

    def __init__(self, session, method, url, kwargs):
        self._session = session
        self._method = method
        self._url = url
        self._kwargs = kwargs
        self._response = None

    def __await__(self):
        return (yield from self._session._request(self._method, self._url, self._kwargs))

    async def __aenter__(self):
        self._response = await self
        return self._response

    async def __aexit__(self, exc_type, exc, tb):
        self._response.release()


def _set_unless_done(fut):
    if not fut.done():
        fut.set_result(None)


def _wait(seconds, what):
    """Generator that waits `seconds` of virtual time (usable in __await__)."""
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut._kairos_awaiting = what
    handle = loop.call_later(seconds, _set_unless_done, fut)
    try:
        yield from fut.__await__()
    finally:
        handle.cancel()


class ClientSession:
    """A simulated HTTP client session (use `async with`, or call close())."""
    __module__ = 'aiohttp.client'

    def __init__(self, base_url=None, *, connector=None, timeout=None, headers=None, **kwargs):
        self._base_url = base_url
        self._connector = connector if connector is not None else TCPConnector()
        self._timeout = timeout if timeout is not None else ClientTimeout(total=300)
        self._headers = dict(headers) if headers else {}
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def timeout(self):
        return self._timeout

    async def close(self):
        self._closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self, method.upper(), url, kwargs)

    def get(self, url, **kwargs):
        return self.request('GET', url, **kwargs)

    def post(self, url, **kwargs):
        return self.request('POST', url, **kwargs)

    def put(self, url, **kwargs):
        return self.request('PUT', url, **kwargs)

    def patch(self, url, **kwargs):
        return self.request('PATCH', url, **kwargs)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)

    def head(self, url, **kwargs):
        return self.request('HEAD', url, **kwargs)

    def _full_url(self, url, params):
        text = str(url)
        if self._base_url is not None and '://' not in text:
            text = str(self._base_url).rstrip('/') + '/' + text.lstrip('/')
        if '://' not in text:
            raise InvalidURL(text)
        if params:
            text += ('&' if '?' in text else '?') + _query_string(params)
        return URL(text)

    def _request(self, method, url, kwargs):
        """Generator behind `await session.get(...)`: waits, then returns the response."""
        if self._closed:
            raise RuntimeError('Session is closed')
        params = kwargs.get('params')
        full = self._full_url(url, params)
        duration = LATENCY
        delay = _path_number(full.path, '/delay/')
        if delay is not None:
            duration = duration + delay
        timeout = kwargs.get('timeout') or self._timeout
        total = timeout.total if isinstance(timeout, ClientTimeout) else timeout
        yield from self._connector._acquire()
        try:
            if total is not None and total < duration:
                yield from _wait(total, f'{method} {full}')
                raise asyncio.TimeoutError()
            yield from _wait(duration, f'{method} {full}')
        finally:
            self._connector._release()
        return ClientResponse(method, full, kwargs.get('json'), kwargs.get('data'), params)
