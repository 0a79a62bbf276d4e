/** Runs one Python handler invocation: event on stdin, the result as the last stdout line (JSON). */
export const PYTHON_BOOTSTRAP = String.raw`
import json, sys, time, importlib.util, traceback
path, name = sys.argv[1], sys.argv[2]
req = json.loads(sys.stdin.read())
class Context:
    function_name = req['functionName']
    function_version = '$LATEST'
    aws_request_id = req['requestId']
    memory_limit_in_mb = 128
    _deadline = time.time() * 1000 + req['timeoutMs']
    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline - time.time() * 1000))
try:
    spec = importlib.util.spec_from_file_location('handler_module', path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    value = getattr(mod, name)(req['event'], Context())
    out = {'ok': True, 'value': value}
except Exception as e:
    traceback.print_exc(file=sys.stderr)
    out = {'ok': False, 'errorType': type(e).__name__, 'errorMessage': str(e)}
sys.stdout.write('\n' + json.dumps(out, default=str) + '\n')
`
