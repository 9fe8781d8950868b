// Receiver temporaries in package-level initializers belong to the init
// function, numbered across the initializers (.autotmp_0 for time.Now(),
// .autotmp_1 for rand.New(...)).
package p

import (
	"math/rand"
	"time"
)

var randBool = rand.New(rand.NewSource(time.Now().Unix())).Intn(2) == 0

func F() int { return rand.New(rand.NewSource(1)).Intn(2) }
