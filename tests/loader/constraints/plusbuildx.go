// +buildfoo ignore

package c
