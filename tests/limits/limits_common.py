"""What the limits tests share: finding the installed CPythons and writing
the small programs they run."""
import glob
import os


def cpython(version):
    """The pyenv interpreter for version "3.X", or None when not installed."""
    roots = [os.path.expanduser("~/.pyenv")] + [os.environ["PYENV_ROOT"]] * ("PYENV_ROOT" in os.environ)
    for root in roots:
        found = glob.glob(os.path.join(root, "versions/%s.*/bin/python%s" % (version, version)))
        if found:
            return found[0]
    return None


def write_program(directory, name, text):
    """Writes NAME.py holding text into directory; returns its path."""
    path = os.path.join(directory, name + ".py")
    with open(path, "w") as f:
        f.write(text)
    return path
