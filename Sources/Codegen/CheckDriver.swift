/// The Python program `sched codegen --check` runs: it imports the generated modules
/// and evaluates every function on the grid, in float64 and float32, each vector
/// coefficient separately (a unit vector for its argument, zeros for the others), and
/// prints the results as exact hexadecimal floats, "R" where the call raised.
enum CheckDriver {
    static let source = #"""
    import importlib.util
    import json
    import sys

    import numpy as np


    def load(label, path):
        spec = importlib.util.spec_from_file_location("sched_check_" + label, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module


    def evaluate(function, vectors, index, times):
        args = []
        for i, _ in enumerate(vectors):
            args.append(np.full(times[0].shape, 1 if i == index else 0, dtype=times[0].dtype))
        with np.errstate(all="ignore"):
            return np.broadcast_to(np.asarray(function(*args, *times), dtype=np.float64), times[0].shape)


    def main():
        plan = json.load(open(sys.argv[1]))
        out = open(sys.argv[2], "w")
        for label, path in plan["modules"]:
            module = load(label, path)
            for dtype_name in ("float64", "float32"):
                dtype = np.dtype(dtype_name)
                for schedule in plan["schedules"]:
                    cls = module.SCHEDULES[schedule["name"]]
                    t = np.array([float.fromhex(p[0]) for p in schedule["interior"]]).astype(dtype)
                    s = np.array([float.fromhex(p[1]) for p in schedule["interior"]]).astype(dtype)
                    for f in schedule["functions"]:
                        function = getattr(cls, f["name"])
                        vectors = f["vectors"]
                        for index in range(max(1, len(vectors))):
                            times = [t, s][: len(f["times"])]
                            try:
                                values = [float(v).hex() for v in evaluate(function, vectors, index if vectors else -1, times)]
                            except ValueError:
                                # Some t rounds to an end where the function raises: point by point.
                                values = []
                                for i in range(len(t)):
                                    try:
                                        v = evaluate(function, vectors, index if vectors else -1, [x[i:i + 1] for x in times])
                                        values.append(float(v[0]).hex())
                                    except ValueError:
                                        values.append("R")
                            ends = []
                            for end in schedule["ends"]:
                                te = np.array(float.fromhex(end[0])).astype(dtype)
                                se = np.array(float.fromhex(end[1])).astype(dtype)
                                try:
                                    v = evaluate(function, vectors, index if vectors else -1, [te, se][: len(f["times"])])
                                    ends.append(float(v).hex())
                                except ValueError:
                                    ends.append("R")
                            out.write(" ".join([label, dtype_name, schedule["name"], f["name"], str(index)]
                                               + values + ["|"] + ends) + "\n")
        out.close()


    main()
    """#
}
