/**
 * Runs one Python handler invocation: event on stdin, the result as the last stdout line (JSON). The code's folder
 * is on sys.path and the handler's module is imported by name, as the Lambda Python runtime does with LAMBDA_TASK_ROOT.
 * When the handler's module loaded boto3, `apigatewaymanagementapi` clients built with the usual
 * `endpoint_url=f"https://{domainName}/{stage}"` are pointed at the emulator's @connections over plain HTTP.
 */
/** Written to stderr when the handler's module is imported (the end of Lambda's Init phase). */
export const PYTHON_INIT_DONE = '__socket_studio_init_done__'

export const PYTHON_BOOTSTRAP = String.raw`
import json, sys, time, importlib, traceback
root, module_name, name, domain, local = sys.argv[1:6]
sys.path.insert(0, root)
def point_management_api_here():
    session = sys.modules.get('botocore.session')
    if session is None:
        return
    create = session.Session.create_client
    def create_client(self, service_name, *args, **kwargs):
        url = kwargs.get('endpoint_url')
        if service_name == 'apigatewaymanagementapi' and isinstance(url, str):
            for scheme in ('https://', 'http://'):
                if url.startswith(scheme + domain):
                    kwargs['endpoint_url'] = local + url[len(scheme + domain):]
        return create(self, service_name, *args, **kwargs)
    session.Session.create_client = create_client
req = json.loads(sys.stdin.read())
class Context:
    function_name = req['functionName']
    function_version = '$LATEST'
    aws_request_id = req['requestId']
    memory_limit_in_mb = 128
    def __init__(self):
        self._deadline = time.time() * 1000 + req['timeoutMs']
    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline - time.time() * 1000))
try:
    mod = importlib.import_module(module_name.replace('/', '.'))
    point_management_api_here()
    sys.stderr.write('${PYTHON_INIT_DONE}\n')
    sys.stderr.flush()
    value = getattr(mod, name)(req['event'], Context())
    out = {'ok': True, 'value': value}
except Exception as e:
    traceback.print_exc(file=sys.stderr)
    out = {'ok': False, 'errorType': type(e).__name__, 'errorMessage': str(e)}
sys.stdout.write('\n' + json.dumps(out, default=str) + '\n')
`
