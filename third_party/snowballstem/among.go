package snowballstem

import "strconv"

type AmongF func(env *Env, ctx interface{}) bool

type Among struct {
	Str string
	A   int32
	B   int32
	F   AmongF
}

func (a *Among) String() string {
	// Upstream prints F's address with fmt's %p; this copy avoids fmt.
	f := "nil"
	if a.F != nil {
		f = "func"
	}
	return "str: `" + a.Str + "`, a: " + strconv.Itoa(int(a.A)) + ", b: " + strconv.Itoa(int(a.B)) + ", f: " + f
}
