#coding=koi8_r
Привет = 'Мир'
print(Привет, len(Привет))
